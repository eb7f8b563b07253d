/**
 * The reference server's clock: a binary heap of events ordered by (time, priority,
 * key, scheduling order). Lower priorities run first at the same instant; events of
 * one priority run by key (the connection number for client input and connection
 * threads, so that same-instant order is fixed), then first scheduled, first run.
 */
export interface ReferenceEvent {
  readonly timeUs: number;
  readonly priority: number;
  readonly key: number;
  readonly sequence: number;
  readonly run: () => void;
}

export class EventQueue {
  private readonly heap: ReferenceEvent[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  get nextTimeUs(): number {
    return this.heap[0]?.timeUs ?? Infinity;
  }

  push(timeUs: number, priority: number, key: number, run: () => void): void {
    if (!Number.isInteger(timeUs)) throw new RangeError(`EventQueue.push: time must be whole µs, got ${timeUs}`);
    this.heap.push({ timeUs, priority, key, sequence: this.sequence++, run });
    this.siftUp(this.heap.length - 1);
  }

  pop(): ReferenceEvent {
    const top = this.heap[0];
    if (top === undefined) throw new Error('EventQueue.pop: empty');
    const last = this.heap.pop() as ReferenceEvent;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as ReferenceEvent, heap[parent] as ReferenceEvent)) return;
      [heap[i], heap[parent]] = [heap[parent] as ReferenceEvent, heap[i] as ReferenceEvent];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      let first = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < heap.length && before(heap[child] as ReferenceEvent, heap[first] as ReferenceEvent)) first = child;
      }
      if (first === i) return;
      [heap[i], heap[first]] = [heap[first] as ReferenceEvent, heap[i] as ReferenceEvent];
      i = first;
    }
  }
}

function before(a: ReferenceEvent, b: ReferenceEvent): boolean {
  if (a.timeUs !== b.timeUs) return a.timeUs < b.timeUs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.key !== b.key) return a.key < b.key;
  return a.sequence < b.sequence;
}
