/**
 * What one connection knows of where streams end, so that a forward read asking only for events past
 * the end — a cached fold's tail, a stream known to be empty — is answered without a query. Every
 * sale reads three such streams (its client's, its policy's, its special prices), and on a busy log
 * each read cost more than the rest of the sale's domain work.
 *
 * A bound per stream, never below its last revision. What others commit is learnt from `otherCommits`,
 * asked only when a bound would answer: either "unknown" (forget every bound) or the streams and
 * revisions committed since it was last asked (raise those bounds). This connection's own appends
 * raise the bound; one rolled back leaves the bound too high, which is safe — "nothing from r" is only
 * answered for r past the bound, and the stream can only get there by another append, which raises the
 * bound again or, from elsewhere, is reported by `otherCommits`.
 */
import type Database from 'better-sqlite3';

/** A stream and a revision committed on it. */
export type Committed = readonly [stream: string, revision: number];

/**
 * What was committed since the last call: nothing, these appends, or something not known in detail.
 * `passed(position)`, when given, says whether the calls so far already went over that position: an
 * append acknowledged after that may have later commits to its stream behind it, gone by unrecorded.
 */
export type OtherCommits = (() => readonly Committed[] | 'unknown') & { passed?: (position: number) => boolean };

const NOTHING: readonly Committed[] = [];

/**
 * For a connection that appends itself: SQLite's `PRAGMA data_version` changes exactly when another
 * connection commits, without saying what; a change forgets every bound.
 */
export function byDataVersion(dataVersion: () => number): OtherCommits {
  let seen = dataVersion();
  return () => {
    const now = dataVersion();
    if (now === seen) return NOTHING;
    seen = now;
    return 'unknown';
  };
}

/** Rows read past the last known position at most; more forget every bound instead. */
const MAX_TAIL_ROWS = 1_000;

/**
 * For a connection whose appends another connection writes (the append thread, see append-thread.ts):
 * `data_version` would change at each of them, so the log's own tail says what changed — positions are
 * gap-free and commit in order, so the rows past the last position seen are exactly the commits since.
 * Each call is one indexed query, which returns nothing while nobody commits.
 */
export function byLogTail(db: Database.Database): OtherCommits {
  const head = db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
  const after = db
    // The LIMIT written in: bound, SQLite compiled the statement again at every run (see sqlite-event-store.ts).
    .prepare<[number], [number, string, number]>(`SELECT position, stream, revision FROM events WHERE position > ? ORDER BY position LIMIT ${MAX_TAIL_ROWS + 1}`)
    .raw();
  let known = head.get() ?? 0;
  const since = () => {
    const rows = after.all(known);
    if (rows.length === 0) return NOTHING;
    if (rows.length > MAX_TAIL_ROWS) {
      known = head.get() ?? known; // a bound learnt from now on sees at least this far
      return 'unknown';
    }
    known = rows[rows.length - 1][0];
    return rows.map(([, stream, revision]): Committed => [stream, revision]);
  };
  return Object.assign(since, { passed: (position: number) => position <= known });
}

export class StreamHeads {
  private readonly bounds = new Map<string, number>();

  constructor(
    private readonly otherCommits: OtherCommits,
    /** Streams remembered at most; the one remembered longest ago goes first. */
    private readonly maxStreams = 50_000,
  ) {}

  /**
   * The stream certainly has no event at or after `fromRevision`. Asks what others committed only when
   * a bound would answer (a read that goes to the query anyway need not): every bound kept was learnt
   * or raised after the last time it was asked.
   */
  nothingFrom(stream: string, fromRevision: number): boolean {
    const bound = this.bounds.get(stream);
    if (bound === undefined || fromRevision <= bound) return false;
    const others = this.otherCommits();
    if (others === 'unknown') {
      this.bounds.clear();
      return false;
    }
    for (const [s, revision] of others) this.raise(s, revision);
    return fromRevision > this.bounds.get(stream)!;
  }

  /** A read from `fromRevision` reached the stream's end; `last` is the last revision it returned, if any. */
  readToEnd(stream: string, fromRevision: number, last: number | undefined): void {
    this.remember(stream, last ?? fromRevision - 1);
  }

  /**
   * This connection's append reached `revision`, committed at `position`. Learnt inside the append's
   * transaction, nothing is after it. Learnt later (from the writer thread), the tail may already have
   * gone past it — and past later commits to the same stream, not recorded for a stream without a
   * bound — so it then only raises a bound that exists, which those commits raised too.
   */
  appended(stream: string, revision: number, position?: number): void {
    const bound = this.bounds.get(stream);
    if (bound === undefined && position !== undefined && this.otherCommits.passed?.(position)) return;
    this.remember(stream, Math.max(revision, bound ?? revision));
  }

  /** A stream nobody asked about needs no bound: only known ones are raised (in place). */
  private raise(stream: string, revision: number): void {
    const bound = this.bounds.get(stream);
    if (bound !== undefined && revision > bound) this.bounds.set(stream, revision);
  }

  private remember(stream: string, bound: number): void {
    this.bounds.delete(stream); // re-inserted: the most recently seen goes last
    this.bounds.set(stream, bound);
    if (this.bounds.size > this.maxStreams) this.bounds.delete(this.bounds.keys().next().value!);
  }
}
