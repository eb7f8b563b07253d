import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string's UTF-8 bytes, as Python's `sha256(s.encode()).hexdigest()`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
