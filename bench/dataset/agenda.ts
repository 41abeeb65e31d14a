/** Commands waiting for their instant: a binary heap ordered by time, then by the order they were planned. */
export interface Planned {
  at: number;
  seq: number;
  run: (now: Date) => Promise<void>;
}

export class Agenda {
  private readonly heap: Planned[] = [];
  private seq = 0;

  plan(at: number, run: (now: Date) => Promise<void>): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  get size(): number {
    return this.heap.length;
  }

  /** Runs everything planned, in time order; commands may plan further ones. */
  async runAll(): Promise<void> {
    while (this.heap.length > 0) {
      const next = this.pop();
      await next.run(new Date(next.at));
    }
  }

  private before(a: Planned, b: Planned): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private pop(): Planned {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.before(this.heap[l], this.heap[best])) best = l;
      if (r < this.heap.length && this.before(this.heap[r], this.heap[best])) best = r;
      if (best === i) return;
      [this.heap[i], this.heap[best]] = [this.heap[best], this.heap[i]];
      i = best;
    }
  }
}
