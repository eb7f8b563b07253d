import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveStream } from '../../src/rng/stream.js';
import { oddsPowerSumsPmf } from '../../src/stats/oddsPowerSumsPmf.js';
import { poissonBinomialMasses } from '../../src/stats/poissonBinomialMasses.js';
import { assertClose } from './assertClose.js';
import { bruteForcePoissonBinomial, oddsPowerSumsOf } from './bruteForcePoissonBinomial.js';

const J = 6;

test('equal p: the binomial masses scipy gives', () => {
  // scipy 1.17: binom.pmf(range(6), 2000, 0.001)
  const scipy = [0.13519992539749967, 0.2706705213163156, 0.27080599204770506, 0.18053732803180347, 0.09022348450438238, 0.03605326828243184];
  const masses = oddsPowerSumsPmf(oddsPowerSumsOf(new Array(2000).fill(0.001), J), 6);
  scipy.forEach((m, k) => assertClose(masses[k] as number, m, 1e-12, `k=${k}`));
});

test('mixed p, small and large parts: numpy.convolve of the rounds one by one', () => {
  // numpy: pmf = [1]; for p in ps: pmf = convolve(pmf, [1 - p, p])
  const ps = [0.01, 0.05, 0.02, 0.3, 0.1, 0.001, 0.04, 0.06];
  const numpy = [0.5234678334547199, 0.38177595127224, 0.08553193293815999, 0.008749987309679998, 0.00046142502039999995, 1.2700065679999998e-05, 1.6906215999999998e-07];
  const small = ps.filter((p) => p <= 1 / 256);
  const large = bruteForcePoissonBinomial(ps.filter((p) => p > 1 / 256));
  const masses = poissonBinomialMasses(oddsPowerSumsOf(small, J), large, 7);
  numpy.forEach((m, k) => assertClose(masses[k] as number, m, 1e-11, `k=${k}`));
});

test('random rounds with p up to 1/256: within a relative 1e-9 or an absolute 1e-14 of the brute-force convolution', () => {
  const rng = deriveStream(13, 'test', 'poisson-binomial');
  for (let c = 0; c < 200; c++) {
    const rounds = 1 + rng.nextIntBelow(c < 100 ? 30 : 3000);
    const top = [1 / 256, 1e-3, 1e-3, 1e-5][rng.nextIntBelow(4)] as number;
    const ps = Array.from({ length: rounds }, () => top * rng.nextDouble());
    const exact = bruteForcePoissonBinomial(ps);
    const masses = oddsPowerSumsPmf(oddsPowerSumsOf(ps, J), 40);
    for (let k = 0; k < 40; k++) {
      const want = exact[k] ?? 0;
      const error = Math.abs((masses[k] as number) - want);
      assert.ok(error <= 1e-9 * want + 1e-14, `case ${c}, k=${k}: ${masses[k]} against ${want}`);
    }
  }
});

test('no rounds: W = 0 surely; bad input is refused, naming the function', () => {
  assert.deepEqual(Array.from(oddsPowerSumsPmf(new Array(J).fill(0), 3)), [1, 0, 0]);
  assert.throws(() => oddsPowerSumsPmf([-1], 3), /oddsPowerSumsPmf: oddsPowerSums\[0\]/);
  assert.throws(() => oddsPowerSumsPmf([1], 0), /oddsPowerSumsPmf: length/);
});
