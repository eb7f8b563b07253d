// examples/k8s/sweep-job.yaml is not run here (no cluster in CI): these tests check
// that it parses, that its four copies of the shard count agree, and that the shell
// each container runs calls pos-sim as intended, with a stub pos-sim on the PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoPath, scratchDir } from '../cli/run-cli.js';

interface Container {
  name: string;
  command: string[];
  env?: { name: string; value: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[];
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } };
}

function manifests(): Manifest[] {
  const docs = parseAllDocuments(readFileSync(repoPath('examples/k8s/sweep-job.yaml'), 'utf8'));
  for (const doc of docs) assert.deepEqual(doc.errors, [], 'sweep-job.yaml parses');
  return docs.map((doc) => doc.toJS() as Manifest);
}

function jobs(): { sweep: Manifest; merge: Manifest } {
  const all = manifests().filter((m) => m.kind === 'Job');
  const sweep = all.find((m) => m.spec.completionMode === 'Indexed');
  const merge = all.find((m) => m.spec.completionMode === undefined);
  assert.ok(sweep && merge, 'an Indexed Job and a merge Job');
  return { sweep, merge };
}

const shardCount = (c: Container): number => Number(c.env?.find((e) => e.name === 'POS_SIM_SHARD_COUNT')?.value);

/** Runs a container's `sh -c` command with /results in `root` and a pos-sim that prints its arguments. */
function runContainer(c: Container, root: string, env: Record<string, string>): string {
  assert.deepEqual(c.command.slice(0, 2), ['sh', '-c'], `${c.name} runs sh -c`);
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'pos-sim'), '#!/bin/sh\necho pos-sim "$@"\n', { mode: 0o755 });
  const script = (c.command[2] ?? '').replaceAll('/results', root).replaceAll('/scenario', join(root, 'scenario'));
  const r = spawnSync('sh', ['-c', script], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env }, encoding: 'utf8', timeout: 10_000 });
  assert.equal(r.status, 0, `${c.name}: ${r.stderr}`);
  return r.stdout.trim();
}

test('the shard count agrees: completions, parallelism and POS_SIM_SHARD_COUNT of every container', () => {
  const { sweep, merge } = jobs();
  const n = sweep.spec.completions;
  assert.ok(Number.isInteger(n) && n! > 0, 'completions is a positive integer');
  assert.ok(sweep.spec.parallelism! >= 1 && sweep.spec.parallelism! <= n!, 'parallelism between 1 and completions');
  const containers = [sweep, merge].flatMap((j) => [...(j.spec.template.spec.initContainers ?? []), ...j.spec.template.spec.containers]);
  for (const c of containers) assert.equal(shardCount(c), n, `${c.name}'s POS_SIM_SHARD_COUNT`);
});

test('both Jobs mount the same claim at /results, and the claim is the file\'s', () => {
  const { sweep, merge } = jobs();
  const claim = manifests().find((m) => m.kind === 'PersistentVolumeClaim')?.metadata.name;
  for (const job of [sweep, merge]) {
    const pod = job.spec.template.spec;
    const volume = pod.volumes.find((v) => v.persistentVolumeClaim);
    assert.equal(volume?.persistentVolumeClaim?.claimName, claim, `${job.metadata.name}'s claim`);
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      assert.equal(c.volumeMounts?.find((m) => m.name === volume?.name)?.mountPath, '/results', `${c.name} mounts it`);
    }
  }
});

test('each shard pod runs `pos-sim sweep` into its own folder, its shard from the environment', () => {
  const { sweep } = jobs();
  const root = scratchDir();
  const shard = sweep.spec.template.spec.containers[0]!;
  const n = sweep.spec.completions!;
  const lines = Array.from({ length: n }, (_, i) =>
    runContainer(shard, root, { JOB_COMPLETION_INDEX: String(i), POS_SIM_SHARD_COUNT: String(n) }),
  );
  lines.forEach((line, i) => {
    assert.match(line, new RegExp(`^pos-sim sweep ${root}/scenario/\\S+\\.yaml --out ${root}/shards/shard-${i} `));
    assert.doesNotMatch(line, /--shard/, 'the shard comes from JOB_COMPLETION_INDEX, not an option');
  });
});

test('the merge waits for every shard, then runs `pos-sim merge` on all of them in order', () => {
  const { sweep, merge } = jobs();
  const root = scratchDir();
  const n = sweep.spec.completions!;
  const shard = sweep.spec.template.spec.containers[0]!;
  for (let i = 0; i < n; i++) runContainer(shard, root, { JOB_COMPLETION_INDEX: String(i), POS_SIM_SHARD_COUNT: String(n) });
  const pod = merge.spec.template.spec;
  for (const c of pod.initContainers ?? []) runContainer(c, root, { POS_SIM_SHARD_COUNT: String(n) });
  const shards = Array.from({ length: n }, (_, i) => `${root}/shards/shard-${i}`).join(' ');
  assert.equal(runContainer(pod.containers[0]!, root, { POS_SIM_SHARD_COUNT: String(n) }), `pos-sim merge ${root}/sweep ${shards}`);
});
