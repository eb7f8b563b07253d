/**
 * The known name closest to a misspelt one, for "did you mean ...?" hints: the
 * candidate with the smallest edit distance, if that distance is at most 2 and
 * at most half the typed name's length (so `x` does not suggest `max`). Ties go to the
 * earlier candidate. Case is ignored.
 * @example closestName('stke', ['name', 'stake']) === 'stake'
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.floor(typed.length / 2));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), two-row dynamic programming. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
