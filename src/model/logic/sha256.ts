import { hash } from 'node:crypto';

/** Characters of every {@link sha256Hex}. */
export const SHA256_HEX_LENGTH = 64;

/**
 * Hex SHA-256 of a string's UTF-8 bytes, as Python's `sha256(s.encode()).hexdigest()`.
 * One-shot: a Hash object per call (100,000 connects, a block per round) left native
 * memory for the garbage collector to find.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
