/**
 * The people at `nc localhost 9090`, one event per line they type: connect and type a
 * balance, then BPM lines as their plan says, until they leave (the connection closes)
 * or type a line int() refuses. A line due at or after the leave time is not typed.
 */
import { deriveStream, type RandomStream } from '../rng/stream.js';
import type { ResolvedValidator, TypedInput } from '../scenario/types.js';
import { PRIORITY, type ReferenceClock, type ReferenceServer } from './server.js';

export class ReferenceClients {
  private readonly linesTyped: number[];
  private readonly connected: boolean[];
  private readonly streams = new Map<number, RandomStream>();
  private active: number;

  constructor(
    private readonly clients: readonly ResolvedValidator[],
    private readonly server: ReferenceServer,
    private readonly clock: ReferenceClock,
    private readonly seed: number,
  ) {
    this.linesTyped = clients.map(() => 0);
    this.connected = clients.map(() => false);
    this.active = clients.length;
    clients.forEach((client, c) => this.inputAt(client.connectUs, c));
    if (clients.length === 0) server.noMoreInput();
  }

  /** Same-instant input runs in connection order. */
  private inputAt(timeUs: number, c: number): void {
    this.clock.schedule(timeUs, PRIORITY.clientInput, c, () => this.input(c));
  }

  private input(c: number): void {
    const client = this.clients[c] as ResolvedValidator;
    const now = this.clock.nowUs;
    let nextLineUs: number;
    if (!this.connected[c]) {
      if (!this.server.connect(c, client.balance)) return this.done();
      this.connected[c] = true;
      nextLineUs = this.lineTime(c, client, 0, now);
    } else if (client.leaveUs !== null && now >= client.leaveUs) {
      this.server.close(c);
      return this.done();
    } else {
      const k = this.linesTyped[c] as number;
      this.linesTyped[c] = k + 1;
      if (!this.server.typeLine(c, this.bpmLine(c, client, k))) return this.done();
      nextLineUs = this.lineTime(c, client, k + 1, now);
    }
    const nextUs = client.leaveUs !== null && client.leaveUs <= nextLineUs ? client.leaveUs : nextLineUs;
    if (nextUs === Infinity) return this.done();
    this.inputAt(nextUs, c);
  }

  /** When line `k` (0-based) is typed, the previous input having come at `previousUs`. */
  private lineTime(c: number, client: ResolvedValidator, k: number, previousUs: number): number {
    const plan = client.submissions;
    switch (plan.kind) {
      case 'every':
        return client.connectUs + plan.phaseUs + k * plan.intervalUs;
      case 'poisson': {
        // Exponential gap by inversion, to the µs; 1 - u is in (0, 1].
        const u = 1 - this.stream(c).nextDouble();
        return previousUs + Math.round((-Math.log(u) / plan.ratePerSecond) * 1e6);
      }
      case 'at':
        return plan.timesUs[k] ?? Infinity;
      case 'none':
        return Infinity;
    }
  }

  private bpmLine(c: number, client: ResolvedValidator, k: number): TypedInput {
    const plan = client.bpm;
    if (plan.kind === 'cycle') return plan.entries[k % plan.entries.length] as TypedInput;
    return { kind: 'int', value: plan.min + this.stream(c).nextIntBelow(plan.max - plan.min + 1) };
  }

  /** The client's own stream (Poisson gaps, uniform BPMs). */
  private stream(c: number): RandomStream {
    let stream = this.streams.get(c);
    if (stream === undefined) {
      stream = deriveStream(this.seed, 'client', (this.clients[c] as ResolvedValidator).id);
      this.streams.set(c, stream);
    }
    return stream;
  }

  private done(): void {
    if (--this.active === 0) this.server.noMoreInput();
  }
}
