/**
 * Up to `count` rounds between 1 and `total`, evenly spaced on a log scale: a
 * running share moves most at the start, where a linear grid would give it a
 * handful of points. Always holds 1 and `total`.
 */
export function logSpacedRounds(total: number, count: number): number[] {
  if (total < 1) return [];
  const rounds = new Set<number>([1, total]);
  for (let i = 0; i < count; i++) rounds.add(Math.round(Math.exp((Math.log(total) * i) / (count - 1))));
  return [...rounds].sort((a, b) => a - b);
}

/**
 * Indices 0, k, 2k, … of `length` items, with k chosen so that at most `max` are
 * kept, and the last index always among them (the end of a run matters most).
 */
export function thinnedIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = Math.ceil(length / (max - 1));
  const indices: number[] = [];
  for (let i = 0; i < length - 1; i += step) indices.push(i);
  indices.push(length - 1);
  return indices;
}
