import { systemRefusal } from './messages.js';
import { UserError } from './user-error.js';

/**
 * What the operating system's refusals mean, in words a user can act on. These are
 * the environment's doing (a full disk, a read-only or missing folder), never a bug
 * of pos-sim, so they are reported like bad input: one line, exit code 2.
 */
const MEANINGS = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it exists already',
  ENOTEMPTY: 'the folder is not empty',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
  EPIPE: 'the reader went away (broken pipe)',
  EXDEV: 'the paths are on different file systems',
  EBUSY: 'the resource is busy',
  EINVAL: 'invalid argument (a special file system such as /proc?)',
} as const;

/** An errno code that {@link MEANINGS} puts in words. */
type KnownErrorCode = keyof typeof MEANINGS;

const isKnown = (code: string): code is KnownErrorCode => code in MEANINGS;

/** The errno code of a Node system error, or undefined for any other error. */
export function systemErrorCode(error: unknown): KnownErrorCode | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && isKnown(code) ? code : undefined;
}

/**
 * A system error as a UserError naming what was being done and the path, e.g.
 * `cannot write results folder /x: permission denied (EACCES)`; other errors pass
 * through unchanged (they are pos-sim's own).
 */
export function asUserError(error: unknown, doing: string): unknown {
  const code = systemErrorCode(error);
  if (code === undefined) return error;
  const path = (error as NodeJS.ErrnoException).path;
  return new UserError(systemRefusal(doing, path, MEANINGS[code], code));
}
