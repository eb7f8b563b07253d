/**
 * What the CLI says to its user when something is wrong or worth a note: every error
 * and hint text, one function per message taking the values it names, so that the
 * wording is read and reviewed in one place. The callers add `pos-sim: ` and the line
 * end (reportError for a UserError, `tell` and `err` for notes). Scenario validation's
 * messages are in ../scenario/messages.ts, and the operating system's refusals in
 * words in ./system-error.ts.
 */

const quoted = (text: string): string => JSON.stringify(text);

// Command line and options.

export const usageHint = (problem: string): string => `${problem}\nrun pos-sim --help for usage`;
export const NAME_A_COMMAND = 'name a command: run, sweep, merge, validate, report, schema or audit';
export const optionGivenTwice = (option: string, times: number): string => `--${option} was given ${times} times; give it once`;
export const optionNeedsValue = (option: string, example: number): string => `--${option} needs a value, e.g. --${option} ${example}`;

export function notAWholeNumber(option: string, min: number, max: number, text: string): string {
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max.toLocaleString('en-US')}`;
  return `--${option} must be a whole number ${range}, got ${quoted(text)}`;
}

export const speedupOutOfRange = (text: string): string => `--speedup must be a number > 0 and <= 1000000, got ${quoted(text)}`;
export const workersCapped = (workers: number, cores: number): string => `--workers ${workers} is more than this machine's ${cores} cores; using ${cores}`;
export const REFERENCE_RUNS_ONE_REPLICATION = '--engine reference runs one replication; drop --replications';
export const COSTED_NEEDS_REFERENCE =
  'the costed clock runs on the reference server only: add --engine reference (the fast model has the ideal clock only)';

// Scenario files.

export const scenarioUnreadable = (path: string, why: string): string => `cannot read scenario ${path}: ${why}`;
export const scenarioTooLarge = (path: string, megabytes: number, maxMegabytes: number): string =>
  `scenario ${path} is ${megabytes.toFixed(1)} MB; pos-sim reads scenario files up to ${maxMegabytes} MB (describe validators by groups and distributions)`;
export const scenarioLargerThan = (path: string, maxMegabytes: number): string => `scenario ${path} is larger than ${maxMegabytes} MB`;
export const scenarioProblems = (count: number): string => `${count} problem(s) in the scenario; nothing was run`;

// Results folders.

export const OUT_EMPTY = '--out must name a folder, got an empty text';
export const outHasNul = (path: string): string => `--out must not contain a NUL character, got ${quoted(path)}`;
export const resultsFolderExists = (path: string): string =>
  `results folder ${path} already exists: choose another --out, or add --force to replace it`;
export const cannotCreateResultsFolder = (path: string): string => `cannot create the results folder ${path}`;
export const cannotMoveResults = (path: string): string => `cannot move the results into ${path}`;
export const resultsFolderAppeared = (path: string): string =>
  `results folder ${path} appeared while this run was writing (another run?); nothing was kept: run again with another --out`;
export const noFreeResultsName = (tries: number, base: string): string => `${tries} results folders named ${base}[-k] exist already; choose --out`;

/** Why --force will not replace a folder (see replace-guard.ts). */
export const NOT_REPLACEABLE = {
  root: 'it is the root of the file system',
  home: 'it is your home folder',
  workingFolder: 'it is the working folder',
  holdsWorkingFolder: 'it holds the working folder',
  symbolicLink: 'it is a symbolic link',
  file: 'it is a file, not a results folder',
  noManifest: (manifest: string) => `it holds files and no ${manifest}: pos-sim did not write it`,
  foreignManifest: (manifest: string) => `its ${manifest} is not one pos-sim wrote`,
} as const;

export const forceRefused = (path: string, why: string): string =>
  `--force will not replace ${quoted(path)}: ${why}; --force only replaces an empty folder or a results folder pos-sim wrote`;

// Partial folders left by killed runs.

const removeIfStopped = (path: string): string => `if it no longer runs: rm -rf '${path}'`;
export const partialOfOtherHost = (path: string, host: string, pid: number): string =>
  `${path} was left by a run on host ${host} (pid ${pid}); ${removeIfStopped(path)}`;
export const partialWithoutMarker = (path: string, marker: string): string =>
  `${path} looks like a killed run's partial folder but has no ${marker} marker, so it was left; ${removeIfStopped(path)}`;
export const partialRemoved = (path: string, pid: number): string => `removed ${path}, left by a run that was killed (pid ${pid})`;
export const partialNotRemoved = (path: string, pid: number): string =>
  `could not remove ${path}, left by a killed run (pid ${pid}): rm -rf '${path}'`;

// Output size.

export const outputEstimate = (size: string, parts: readonly string[]): string => `this run will write about ${size} (${parts.join(', ')})`;
export const outputWillNotFit = (estimate: string, free: string): string =>
  `${estimate}, and the disk has ${free} free; free some space, or pass --yes to try anyway`;
export const largeOutputNote = (estimate: string): string => `${estimate}; Ctrl-C stops it and removes what it wrote (--yes or --quiet: no note)`;

// Interruption (Ctrl-C, SIGTERM).

export const stoppedBy = (signal: string, stage: string, cleaned: string): string => `stopped by ${signal} during ${stage}; ${cleaned}`;
export const couldNotCleanUp = (why: string): string => `could not clean up: ${why}`;
export const runDiscarded = (partialPath: string): string => `removed its partial folder ${partialPath}; no results were kept`;
export const sweepSaved = (done: number, total: number, workPath: string): string =>
  `${done} of ${total} chunks are saved in ${workPath}; run the same command with --resume to finish`;

// Sweeps: the work folder, shards and their merge.

export const sweepResuming = (finished: number, total: number): string => `resuming: ${finished} of ${total} chunks were finished before`;
export const nothingToResume = (workPath: string): string => `nothing to resume for this sweep (no ${workPath}); starting it`;
export const cannotUseWorkFolder = (workPath: string): string => `cannot use the sweep's work folder ${workPath}`;
export const interruptedSweepFound = (workPath: string): string =>
  `an interrupted run of this sweep left its finished chunks in ${workPath}: add --resume to finish it, or remove that folder to start over`;
export const workOfAnotherSweep = (workPath: string, digest: string): string =>
  `${workPath} holds the work of another sweep (digest ${digest}); remove it to start over`;
export const sweepRunningElsewhere = (pid: number, workPath: string): string =>
  `pos-sim process ${pid} is running this sweep in ${workPath}; wait for it, or stop it first`;

export const shardSyntax = (option: string): string => `--shard must be I/N with 0 <= I < N (e.g. 0/4), got ${quoted(option)}`;
export const shardUnreadable = (source: string): string => `cannot read the shard from ${source}`;
export const shardCountMissing = (index: string): string =>
  `JOB_COMPLETION_INDEX=${index} is set, but not the shard count: set POS_SIM_SHARD_COUNT (the Job's completions) or --shard-count`;
export const shardOutOfRange = (source: string): string => `${source}: the shard must be I of N with 0 <= I < N`;

export const MERGE_NEEDS_A_SHARD = 'merge needs at least one shard folder';
export const shardOfAnotherSweep = (dir: string, digest: string, expected: string, firstDir: string): string =>
  `${dir} is a shard of another sweep (digest ${digest}, not ${expected} as ${firstDir})`;
export const shardCountDiffers = (dir: string, index: number, count: number, firstDir: string, firstCount: number): string =>
  `${dir} is shard ${index} of ${count}, but ${firstDir} is one of ${firstCount}`;
export const shardGivenTwice = (index: number, count: number, firstDir: string, secondDir: string): string =>
  `shard ${index} of ${count} is given twice: ${firstDir} and ${secondDir}`;
export const shardsMissing = (missing: readonly number[], count: number): string =>
  `shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${count} missing: merge needs all ${count}`;
export const shardScenarioChanged = (dir: string): string =>
  `${dir}/scenario.yaml does not match the shard's digest: the folder was changed after it was written`;
export const shardLacksChunk = (dir: string, chunk: string, cell: number, first: number, last: number): string =>
  `${dir} lacks chunk ${chunk} (cell ${cell}, replications ${first}-${last}): was the shard run to the end?`;
export const shardManifestUnreadable = (dir: string, why: string): string =>
  `${dir} is not a sweep shard folder: cannot read its manifest.json (${why})`;
export const notAShardManifest = (dir: string): string =>
  `${dir} is not a sweep shard folder (its manifest.json is not a shard's): pass the folders \`pos-sim sweep --shard\` wrote`;

// Reports of results folders.

export const noResultsFolder = (dir: string): string => `no results folder at ${dir}`;
export const noSummaryJson = (dir: string): string => `${dir} is not a results folder: it has no summary.json`;
export const manifestNotJson = (why: string): string =>
  `manifest.json of the results folder is not valid JSON (${why}): was it truncated or edited?`;
export const csvNotValid = (path: string, why: string): string => `${path} is not a valid CSV file (${why}): was it truncated or edited?`;
export const chartWarning = (chart: string, warning: string): string => `chart ${chart}: ${warning}`;
export const FONTS_MISSING =
  'DejaVu Sans not found in /usr/share/fonts/truetype/dejavu (Debian: fonts-dejavu-core); PNG text used the system fonts';

// Files named with what is wrong in them (audit's chain and stakes, a results file).

export const inFile = (path: string, problem: string): string => `${path}: ${problem}`;
export const fileUnreadable = (path: string, why: string): string => `${path}: cannot read it (${why})`;

/** What was being done, on which path, refused by the system, e.g. `cannot write x (/x): permission denied (EACCES)`. */
export const systemRefusal = (doing: string, path: string | undefined, meaning: string, code: string): string =>
  `${doing}${path === undefined ? '' : ` (${path})`}: ${meaning} (${code})`;

// pos-sim's own failures.

export const internalError = (file: string | undefined, detail: string): string =>
  `internal error${file === undefined ? '' : ` while reading ${file}`}: ${detail}`;
export const stdoutUnwritable = (why: string): string => `cannot write to standard output: ${why}`;
