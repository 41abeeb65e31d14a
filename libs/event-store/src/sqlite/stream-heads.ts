/**
 * What one connection knows of where streams end, so that a forward read asking only for events past
 * the end — a cached fold's tail, a stream known to be empty — is answered without a query. Every
 * sale reads three such streams (its client's, its policy's, its special prices), and on a busy log
 * each read cost more than the rest of the sale's domain work.
 *
 * A bound per stream, never below its last revision, valid while no other connection commits:
 * SQLite's `PRAGMA data_version` changes exactly then, and a change forgets every bound. This
 * connection's own appends raise the bound inside their transaction; one rolled back leaves the bound
 * too high, which is safe — "nothing from r" is only answered for r past the bound, and the stream can
 * only get there by another append, which raises the bound again or, from elsewhere, forgets it.
 */
export class StreamHeads {
  private readonly bounds = new Map<string, number>();
  private version: number;

  constructor(
    /** `PRAGMA data_version` of the connection the bounds describe. */
    private readonly dataVersion: () => number,
    /** Streams remembered at most; the one remembered longest ago goes first. */
    private readonly maxStreams = 50_000,
  ) {
    this.version = dataVersion();
  }

  /**
   * The stream certainly has no event at or after `fromRevision`. Asks `data_version` only when a bound
   * would answer (a read that goes to the query anyway need not): every bound kept was learnt after the
   * version was last seen to change, so an unchanged version means none is stale; a changed one
   * forgets them all.
   */
  nothingFrom(stream: string, fromRevision: number): boolean {
    const bound = this.bounds.get(stream);
    if (bound === undefined || fromRevision <= bound) return false;
    const now = this.dataVersion();
    if (now === this.version) return true;
    this.version = now;
    this.bounds.clear();
    return false;
  }

  /** A read from `fromRevision` reached the stream's end; `last` is the last revision it returned, if any. */
  readToEnd(stream: string, fromRevision: number, last: number | undefined): void {
    this.remember(stream, last ?? fromRevision - 1);
  }

  /** This connection appended up to `revision`, under the write lock (so nothing is after it). */
  appended(stream: string, revision: number): void {
    this.remember(stream, revision);
  }

  private remember(stream: string, bound: number): void {
    this.bounds.delete(stream); // re-inserted: the most recently seen goes last
    this.bounds.set(stream, bound);
    if (this.bounds.size > this.maxStreams) this.bounds.delete(this.bounds.keys().next().value!);
  }
}
