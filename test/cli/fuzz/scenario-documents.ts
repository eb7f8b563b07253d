/**
 * Scenario documents for fuzzing: a generator of valid-looking scenarios, and
 * mutations that break them the ways generated and hand-edited files break (wrong
 * types, out of range, huge numbers, unicode and path tricks in names, deep nesting,
 * YAML oddities). Sizes stay small so that a case runs in milliseconds.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

type Doc = Record<string, unknown>;

const smallSeconds = fc.integer({ min: 0, max: 200 }).map((s) => s / 2);
const positiveSeconds = fc.integer({ min: 1, max: 200 }).map((s) => s / 2);

const stake = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constantFrom('100', ' 42\n', '0', '-5', 'abc', '1_000', ''),
  fc.record({ uniform: fc.record({ min: fc.integer({ min: 0, max: 10 }), max: fc.integer({ min: 10, max: 1000 }) }) }),
  fc.record({ pareto: fc.record({ min: fc.integer({ min: 1, max: 50 }), alpha: fc.constantFrom(1.1, 1.5, 3) }) }),
  fc.record({ lognormal: fc.record({ median: fc.constantFrom(10, 32, 100), sigma: fc.constantFrom(0, 0.5, 1) }) }),
);

const submit = fc.oneof(
  fc.record({ every: positiveSeconds }, { requiredKeys: ['every'] }),
  fc.record({ poisson: fc.constantFrom(0.05, 0.1, 1) }),
  fc.record({ at: fc.uniqueArray(fc.integer({ min: 101, max: 120 }), { minLength: 1, maxLength: 5 }).map((a) => a.sort((x, y) => x - y)) }),
  fc.constant('none'),
);

const bpm = fc.oneof(fc.integer({ min: -100, max: 200 }), fc.constantFrom([72, 'abc'], ['9'], { uniform: { min: 1, max: 9 } }));

const entry = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      count: fc.integer({ min: 1, max: 30 }),
      stake,
      submit,
      bpm,
      connect: smallSeconds,
      leave: fc.integer({ min: 121, max: 400 }),
    },
    { requiredKeys: ['name', 'stake', 'submit'] },
  );

/** A scenario that is usually valid (random combinations can still break a rule). */
export const scenarioDocument: fc.Arbitrary<Doc> = fc
  .record(
    {
      name: fc.constantFrom('fuzz', 'a.b', 'x_1'),
      seed: fc.integer({ min: 0, max: 4294967295 }),
      stop: fc.oneof(fc.record({ rounds: fc.integer({ min: 1, max: 20 }) }), fc.record({ duration: fc.integer({ min: 1, max: 300 }) })),
      rules: fc.constantFrom('seed', 'fixed'),
      lottery: fc.constantFrom('periodic', 'literal'),
      timings: fc.record(
        {
          intake: fc.constantFrom(1, 5, 0.001, 3000),
          lottery: fc.constantFrom(2, 10, 0.002, 3000),
          sync: fc.constantFrom(7, 30, 0.001, 1e8),
          poll: fc.constantFrom(1, 3, 0.001, 2147, 3000),
          jitter: fc.constantFrom(0, 1, 3000),
        },
        { requiredKeys: [] },
      ),
      rewards: fc.oneof(fc.constant(undefined), fc.record({ constant: fc.integer({ min: 1, max: 100 }) }), fc.record({ inflation: fc.constantFrom(0.001, 0.5, 1) })),
      validators: fc.tuple(entry('a'), fc.option(entry('b'), { nil: undefined })),
    },
    { requiredKeys: ['name', 'seed', 'stop', 'validators'] },
  )
  .map(({ stop, validators, rewards, ...rest }) => {
    const doc: Doc = { ...rest, ...stop, validators: validators.filter((v) => v !== undefined) };
    if (rewards !== undefined) doc['rewards'] = rewards;
    return doc;
  });

/** Values a field should never hold, and some it may. */
const oddValue = fc.oneof(
  fc.constantFrom(
    null, true, -1, 0, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 1e12, 0.1 + 0.2, 4294967296, '', ' ', '\u0000', '..', '../../escaped',
    'sub/dir', '.hidden', 'x'.repeat(300), 'é🙂', '99999999999999999999999', '1e3', '0x10', [], {}, [[[[[]]]]],
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constant(deepList(64)),
);

function deepList(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

type Path = Array<string | number>;

/** Every path to a value in the document. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const paths: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...at, k]));
  return paths;
}

function setAt(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(doc) ? [...(doc as unknown[])] : { ...(doc as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  // defineProperty, not assignment: a key named "__proto__" must become a key, not a prototype.
  Object.defineProperty(copy, head, { value: setAt(copy[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(doc: unknown, path: Path): unknown {
  if (path.length === 1 && typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const { [path[0] as string]: _gone, ...rest } = doc as Record<string, unknown>;
    return rest;
  }
  if (path.length <= 1) return doc;
  const [head, ...rest] = path as [string | number, ...Path];
  return setAt(doc, [head], deleteAt((doc as Record<string | number, unknown>)[head], rest));
}

/** Structural mutations: a field's value replaced, a key deleted, an unknown key added. */
const mutation: fc.Arbitrary<MutationValue> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: fc.constantFrom('lotery', 'extra', 'Name', '__proto__'), value: oddValue }),
);

function applyMutation(doc: Doc, m: MutationValue): unknown {
  const paths = pathsOf(doc);
  const path = paths[m.pick % paths.length] ?? [];
  if (m.kind === 'set') return setAt(doc, path, m.value);
  if (m.kind === 'delete') return deleteAt(doc, path);
  return setAt(doc, [...path, m.key], m.value);
}

type MutationValue =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown };

/** Text-level oddities of YAML files (half of the files are left as written). */
const textEdit = fc.oneof(
  { arbitrary: fc.constant((t: string) => t), weight: 10 },
  fc.constant((t: string) => `\uFEFF${t}`),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => `${t}---\nname: second\n`),
  fc.constant((t: string) => t.replace(/^ {2}/m, '\t')),
  fc.constant((t: string) => `${t}name: again\n`),
  fc.constant((t: string) => t.replace('seed:', 'seed: !!binary')),
  fc.constant((t: string) => `x: &a [1, 2]\ny: *a\n${t}`),
  fc.constant((t: string) => t.slice(0, Math.floor(t.length / 2))),
  fc.constant((t: string) => `${t}${'['.repeat(2000)}`),
  fc.constant((t: string) => `${'a:\n'.repeat(1)}${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n${t}`),
);

/** A scenario file's text: a generated document, mutated 0-3 times, written as YAML, then maybe edited as text. */
export const scenarioText: fc.Arbitrary<string> = fc
  .tuple(scenarioDocument, fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 })), textEdit, fc.constantFrom('block', 'flow'))
  .map(([doc, mutations, edit, style]) => {
    let value: unknown = doc;
    for (const m of mutations) value = applyMutation(value as Doc, m);
    const text = style === 'flow' ? `${JSON.stringify(value) ?? 'null'}\n` : stringify(value, { lineWidth: 0 });
    return edit(text);
  });
