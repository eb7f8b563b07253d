import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/**
 * A full garbage collection now, or nothing where V8 does not allow one. Node exposes
 * `gc` only to processes started with --expose-gc; turning the flag on and taking the
 * function from a fresh context is the usual way around that (the flag is turned off
 * again at once). Done on the first call, not at start-up.
 */
export function collectGarbage(): void {
  gc ??= exposedGc();
  gc();
}

function exposedGc(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof found === 'function' ? () => void found() : () => undefined;
  } catch {
    return () => undefined;
  }
}
