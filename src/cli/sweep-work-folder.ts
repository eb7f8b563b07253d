/**
 * Where a sweep keeps its finished chunks while it runs: a hidden folder beside its
 * results, named by the sweep's digest, so that `--resume` finds exactly the work of
 * the same sweep (same file, same pos-sim), whatever else sits beside it.
 *
 *   results/.whales-sweep-3f2a9c0d1e2b4a5f.work/
 *     work.json      the sweep's digest (checked on resume)
 *     lock           host and pid of the process using it (two at once would clash)
 *     chunks/ID.json one finished chunk's outcomes, written to a temporary name and
 *                    renamed, so a chunk file is whole or absent, even after kill -9
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ReplicationOutcome } from '../replications/run-replication.js';
import type { SweepChunk } from '../sweep/chunks.js';
import { makeFolder } from './make-folder.js';
import { asUserError } from './system-error.js';
import { UserError } from './user-error.js';
import { cannotUseWorkFolder, interruptedSweepFound, nothingToResume, sweepRunningElsewhere, workOfAnotherSweep } from './messages.js';

export class SweepWorkFolder {
  readonly path: string;

  /**
   * Opens (`resume`) or creates the work folder. Refuses to start over an interrupted
   * sweep without `resume`, and to share one with a live process.
   */
  constructor(parent: string, name: string, private readonly digest: string, resume: boolean, tell: (line: string) => void) {
    this.path = join(parent, `.${name}.work`);
    try {
      makeFolder(parent);
      if (existsSync(this.path)) this.reopen(resume);
      else {
        if (resume) tell(nothingToResume(this.path));
        mkdirSync(this.path);
        mkdirSync(this.chunksPath);
        writeFileSync(join(this.path, 'work.json'), `${JSON.stringify({ digest })}\n`);
      }
      writeFileSync(join(this.path, 'lock'), `${JSON.stringify({ host: hostname(), pid: process.pid })}\n`);
    } catch (error) {
      throw asUserError(error, cannotUseWorkFolder(this.path));
    }
  }

  private get chunksPath(): string {
    return join(this.path, 'chunks');
  }

  private reopen(resume: boolean): void {
    if (!resume) {
      throw new UserError(interruptedSweepFound(this.path));
    }
    const work = JSON.parse(readFileSync(join(this.path, 'work.json'), 'utf8')) as { digest?: unknown };
    if (work.digest !== this.digest) throw new UserError(workOfAnotherSweep(this.path, String(work.digest)));
    const holder = lockHolder(join(this.path, 'lock'));
    if (holder !== null && holder.host === hostname() && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new UserError(sweepRunningElsewhere(holder.pid, this.path));
    }
    mkdirSync(this.chunksPath, { recursive: true });
  }

  /** The chunks finished earlier (whole files only: a temporary file is a chunk a kill cut short). */
  finishedIds(): Set<string> {
    return new Set(readdirSync(this.chunksPath).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -'.json'.length)));
  }

  /** Writes a finished chunk atomically: to a temporary name, then renamed. */
  saveChunk(chunk: SweepChunk, outcomes: readonly ReplicationOutcome[]): void {
    const temp = join(this.chunksPath, `.${chunk.id}.json.tmp-${process.pid}`);
    writeFileSync(temp, `${JSON.stringify(outcomes)}\n`);
    renameSync(temp, join(this.chunksPath, `${chunk.id}.json`));
  }

  readChunk(chunk: SweepChunk): ReplicationOutcome[] {
    return readChunkFile(join(this.chunksPath, `${chunk.id}.json`));
  }

  chunkFile(chunk: SweepChunk): string {
    return join(this.chunksPath, `${chunk.id}.json`);
  }

  /** Removes the folder (when its chunks are in a finished results folder). */
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** One chunk file's outcomes (every result goes through this, run straight through or resumed, so both give the same bytes). */
export function readChunkFile(path: string): ReplicationOutcome[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ReplicationOutcome[];
}

function lockHolder(path: string): { host: string; pid: number } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { host: string; pid: number };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
