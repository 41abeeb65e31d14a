import Database from 'better-sqlite3';
import { EVENT_LOG_SCHEMA } from './schema';
import { byDataVersion, byLogTail, StreamHeads, type Committed } from './stream-heads';

describe('StreamHeads', () => {
  let version = 1;
  const heads = (max?: number) => new StreamHeads(byDataVersion(() => version), max);
  beforeEach(() => (version = 1));

  it('knows nothing of a stream it has not seen', () => {
    const h = heads();
    expect(h.nothingFrom('s', 0)).toBe(false);
  });

  it('answers for revisions past what a read to the end returned, and not for the rest', () => {
    const h = heads();
    h.readToEnd('s', 0, 4);
    expect(h.nothingFrom('s', 5)).toBe(true);
    expect(h.nothingFrom('s', 4)).toBe(false);
    h.readToEnd('empty', 0, undefined);
    expect(h.nothingFrom('empty', 0)).toBe(true);
    h.readToEnd('t', 3, undefined); // a read from 3 found nothing: the stream ends before 3
    expect([h.nothingFrom('t', 2), h.nothingFrom('t', 3)]).toEqual([false, true]);
  });

  it("moves a stream's bound with this connection's appends", () => {
    const h = heads();
    h.readToEnd('s', 0, undefined);
    h.appended('s', 1);
    expect([h.nothingFrom('s', 1), h.nothingFrom('s', 2)]).toEqual([false, true]);
  });

  it('forgets every bound once another connection committed', () => {
    const h = heads();
    h.readToEnd('s', 0, 4);
    version = 2;
    expect(h.nothingFrom('s', 5)).toBe(false);
  });

  it('keeps at most its limit of streams, dropping the one seen longest ago', () => {
    const h = heads(2);
    h.readToEnd('a', 0, 0);
    h.readToEnd('b', 0, 0);
    h.readToEnd('a', 1, undefined); // a seen again: b is now the oldest
    h.readToEnd('c', 0, 0);
    expect(['a', 'b', 'c'].map((s) => h.nothingFrom(s, 1))).toEqual([true, false, true]);
  });

  it('raises the bounds of the streams others committed to, and keeps the rest', () => {
    let others: readonly Committed[] | 'unknown' = [];
    const h = new StreamHeads(() => others);
    h.readToEnd('a', 0, 1);
    h.readToEnd('b', 0, 1);
    others = [['a', 2], ['new', 0]];
    expect(h.nothingFrom('a', 2)).toBe(false); // raised to 2 by the commit reported
    others = [];
    expect([h.nothingFrom('a', 3), h.nothingFrom('b', 2), h.nothingFrom('new', 1)]).toEqual([true, true, false]);
    others = 'unknown';
    expect(h.nothingFrom('b', 2)).toBe(false);
    others = [];
    expect(h.nothingFrom('a', 3)).toBe(false); // forgotten with the rest
  });

  it("never lowers a bound with an append's revision learnt after a later commit was reported", () => {
    let others: readonly Committed[] = [];
    const h = new StreamHeads(() => others);
    h.readToEnd('a', 0, 0);
    others = [['a', 1], ['a', 2]];
    expect(h.nothingFrom('a', 1)).toBe(false);
    others = [];
    h.appended('a', 1); // the acknowledgement of revision 1 arrives after 2 was seen in the log
    expect([h.nothingFrom('a', 2), h.nothingFrom('a', 3)]).toEqual([false, true]);
  });
});

describe('StreamHeads fed by the log tail, with acknowledgements that arrive late', () => {
  const insert = (db: Database.Database, stream: string, revision: number) =>
    Number(
      db
        .prepare("INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, 'T', 1, '{}', '{}')")
        .run(`${stream}-${revision}`, stream, revision).lastInsertRowid,
    );

  it('does not take an acknowledgement the tail already went past as the end of a stream it had no bound for', () => {
    const db = new Database(':memory:');
    db.exec(EVENT_LOG_SCHEMA);
    const h = new StreamHeads(byLogTail(db));
    h.readToEnd('other', 0, undefined);
    const mine = insert(db, 'c', 0); // this process's append, acknowledged below
    insert(db, 'c', 1); // another process appends right after
    expect(h.nothingFrom('other', 0)).toBe(true); // the tail goes past both; 'c' has no bound to raise
    h.appended('c', 0, mine);
    expect(h.nothingFrom('c', 1)).toBe(false); // revision 1 exists: the query must run
    db.close();
  });

  it('takes an acknowledgement the tail has not reached yet, and raises it with what comes after', () => {
    const db = new Database(':memory:');
    db.exec(EVENT_LOG_SCHEMA);
    const h = new StreamHeads(byLogTail(db));
    h.appended('c', 0, insert(db, 'c', 0));
    expect(h.nothingFrom('c', 1)).toBe(true);
    insert(db, 'c', 1);
    expect(h.nothingFrom('c', 1)).toBe(false);
    expect(h.nothingFrom('c', 2)).toBe(true);
    db.close();
  });
});

describe('byLogTail', () => {
  const insert = (db: Database.Database, stream: string, revision: number) =>
    db
      .prepare("INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, 'T', 1, '{}', '{}')")
      .run(`${stream}-${revision}`, stream, revision);

  it('reports the rows committed past the last position it saw, once each', () => {
    const db = new Database(':memory:');
    db.exec(EVENT_LOG_SCHEMA);
    insert(db, 'a', 0);
    const since = byLogTail(db);
    expect(since()).toEqual([]);
    insert(db, 'a', 1);
    insert(db, 'b', 0);
    expect(since()).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect(since()).toEqual([]);
    db.close();
  });

  it('says "unknown" past 1,000 rows, and goes on from the head', () => {
    const db = new Database(':memory:');
    db.exec(EVENT_LOG_SCHEMA);
    const since = byLogTail(db);
    db.transaction(() => {
      for (let r = 0; r < 1_001; r++) insert(db, 's', r);
    })();
    expect(since()).toBe('unknown');
    insert(db, 't', 0);
    expect(since()).toEqual([['t', 0]]);
    db.close();
  });
});
