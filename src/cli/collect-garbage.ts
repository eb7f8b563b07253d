import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection now, or nothing where V8 does not allow one. Node exposes
 * `gc` only to processes started with --expose-gc; turning the flag on here and taking
 * the function from a fresh context is the usual way around that (the flag is turned
 * off again at once).
 */
export const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? () => void gc() : () => undefined;
  } catch {
    return () => undefined;
  }
})();
