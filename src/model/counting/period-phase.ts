/**
 * Where times fall in a repeating period (time mod P), for times that mostly come in
 * order: the start of the latest time's period is kept and moved on only when a time
 * leaves it, so the hot paths that ask once per BPM typed pay no modulo each.
 */
export class PeriodPhase {
  /** Index of the period the latest time fell in. */
  period = 0;
  /** Start of that period, µs. */
  private startUs = 0;

  constructor(private readonly periodUs: number) {}

  /** `timeUs` mod the period (times >= 0). */
  residueOf(timeUs: number): number {
    let residueUs = timeUs - this.startUs;
    if (residueUs >= this.periodUs || residueUs < 0) {
      this.period = Math.floor(timeUs / this.periodUs);
      this.startUs = this.period * this.periodUs;
      residueUs = timeUs - this.startUs;
    }
    return residueUs;
  }
}
