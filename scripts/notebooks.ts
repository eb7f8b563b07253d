/**
 * `npm run notebooks`: executes every notebook of notebooks/ headless, with Jupyter's
 * nbconvert and Deno's kernel, and writes each one's HTML export (its charts as inline
 * SVG, visible without JavaScript) to results/notebooks/. Fails on the first error of
 * any cell, naming the notebook.
 *
 * Needs Debian's jupyter-nbconvert, jupyter-client and python3-ipykernel (`.ci/run`
 * installs them) and the `deno` npm package (a dev dependency). The kernel is
 * registered for these runs only, in a folder of their own (JUPYTER_PATH), so the
 * user's own kernels are left alone; notebooks/README.md says how to register it for
 * JupyterLab or VS Code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module of the build scripts, without declarations
import { distIsFresh, root } from './dist-state.mjs';

export const NOTEBOOKS_DIR = join(root as string, 'notebooks');
/** Each notebook is sized to run in well under a minute; this only stops one that hangs. */
const CELL_TIMEOUT_S = 300;

export interface NotebookRun {
  readonly notebook: string;
  readonly html: string;
  readonly seconds: number;
}

/** What is missing to execute notebooks here, or null when nothing is. */
export function missingTools(): string | null {
  if (spawnSync('jupyter-nbconvert', ['--version'], { encoding: 'utf8' }).status !== 0) {
    return 'jupyter-nbconvert is not installed (Debian: apt-get install jupyter-nbconvert jupyter-client python3-ipykernel)';
  }
  if (denoCommand() === null) return 'the deno npm package is not installed (npm ci installs it)';
  return null;
}

/** The notebooks, by file name. */
export function notebookFiles(): string[] {
  return readdirSync(NOTEBOOKS_DIR)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
}

/**
 * Executes every notebook (or those named) and writes its HTML export into `outDir`.
 * @throws Error naming the notebook whose execution failed, with nbconvert's output
 */
export function runNotebooks(outDir: string, names: readonly string[] = notebookFiles()): NotebookRun[] {
  const missing = missingTools();
  if (missing !== null) throw new Error(`cannot run the notebooks: ${missing}`);
  // The notebooks import pos-sim's bundle (notebooks/deno.json): built if the sources changed.
  if (!(distIsFresh as () => boolean)()) run(process.execPath, [join(root as string, 'scripts/build.mjs')], 'the build');
  mkdirSync(outDir, { recursive: true });
  const jupyterPath = kernelFolder();
  try {
    return names.map((name) => {
      const started = performance.now();
      run(
        'jupyter-nbconvert',
        ['--execute', '--to', 'html', `--TemplateExporter.extra_template_basedirs=${join(root as string, 'scripts')}`, '--template', 'notebook-export', '--output-dir', outDir, '--ExecutePreprocessor.kernel_name=deno', `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`, join(NOTEBOOKS_DIR, name)],
        name,
        { ...process.env, JUPYTER_PATH: jupyterPath, NO_COLOR: '1' },
      );
      return { notebook: name, html: join(outDir, name.replace(/\.ipynb$/, '.html')), seconds: (performance.now() - started) / 1000 };
    });
  } finally {
    rmSync(jupyterPath, { recursive: true, force: true });
  }
}

/** A Jupyter data folder holding the `deno` kernel, run by this checkout's deno. */
function kernelFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-jupyter-'));
  mkdirSync(join(dir, 'kernels', 'deno'), { recursive: true });
  const kernel = { argv: [...(denoCommand() as string[]), 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' };
  writeFileSync(join(dir, 'kernels', 'deno', 'kernel.json'), JSON.stringify(kernel, null, 2));
  return dir;
}

/** The deno executable of node_modules (its bin may be a script that starts the platform binary). */
function denoCommand(): string[] | null {
  try {
    const bin = realpathSync(join(root as string, 'node_modules/.bin/deno'));
    return /\.[cm]?js$/.test(bin) ? [process.execPath, bin] : [bin];
  } catch {
    return null;
  }
}

function run(command: string, args: string[], what: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(command, args, { cwd: NOTEBOOKS_DIR, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = join(root as string, 'results', 'notebooks');
  try {
    for (const r of runNotebooks(outDir)) console.log(`${r.notebook}: ok in ${r.seconds.toFixed(1)} s -> ${r.html}`);
  } catch (error) {
    console.error(`npm run notebooks: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
