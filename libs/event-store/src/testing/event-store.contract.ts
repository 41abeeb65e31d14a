/**
 * The contract every event store adapter passes. Tests use a fresh stream prefix and read `$all`
 * only after the head they saw, so the suite also runs against a shared, non-empty real database.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../port';
import { WrongExpectedRevisionError } from '../errors';

export interface ContractSubject {
  store: EventStore;
  cleanup?: () => Promise<void>;
}

export function newEvent(type: string, data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { party: 'company', userId: 'u-1' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date('2026-01-02T03:04:05.000Z').toISOString(),
    },
  };
}

async function take(sub: AsyncIterable<RecordedEvent>, n: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const timer = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`subscription delivered ${out.length}/${n} events`)), timeoutMs).unref(),
  );
  const consume = (async () => {
    for await (const e of sub) {
      out.push(e);
      if (out.length === n) break;
    }
    return out;
  })();
  return Promise.race([consume, timer]);
}

async function expectConflict(p: Promise<unknown>, expected: unknown, actual: unknown): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ expected, actual, code: 'EVENT_STORE.WRONG_EXPECTED_REVISION' });
}

export function eventStoreContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`event store contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let prefix: string;
    const s = (id: string) => `${prefix}${id}`;

    beforeAll(async () => {
      subject = await make();
      store = subject.store;
    });
    afterAll(async () => {
      await store.close();
      await subject.cleanup?.();
    });
    beforeEach(() => {
      prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}_`;
    });

    describe('append with expected revision', () => {
      it('creates a stream with no_stream and returns the revision and position', async () => {
        const r = await store.appendToStream(s('a-1'), [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
        expect(r.nextExpectedRevision).toBe(1);
        const read = await store.readStream(s('a-1'));
        expect(read.map((e) => e.revision)).toEqual([0, 1]);
        expect(read[1].position).toBe(r.position);
        expect(read[0].position).toBeLessThan(read[1].position);
      });

      it('appends with an exact revision and with any', async () => {
        const first = await store.appendToStream(s('a-2'), [newEvent('A')], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(s('a-2'), [newEvent('B')], { expectedRevision: first.nextExpectedRevision });
        const third = await store.appendToStream(s('a-2'), [newEvent('C')], { expectedRevision: 'any' });
        const fourth = await store.appendToStream(s('a-2'), [newEvent('D')]);
        expect([second.nextExpectedRevision, third.nextExpectedRevision, fourth.nextExpectedRevision]).toEqual([1, 2, 3]);
        expect(third.position).toBeGreaterThan(second.position);
      });

      it('accepts stream_exists only for an existing stream', async () => {
        await expectConflict(store.appendToStream(s('a-3'), [newEvent('A')], { expectedRevision: 'stream_exists' }), 'stream_exists', 'no_stream');
        await store.appendToStream(s('a-3'), [newEvent('A')], { expectedRevision: 'no_stream' });
        const r = await store.appendToStream(s('a-3'), [newEvent('B')], { expectedRevision: 'stream_exists' });
        expect(r.nextExpectedRevision).toBe(1);
      });

      it('reports a conflict with the expected and actual revision', async () => {
        await store.appendToStream(s('a-4'), [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
        await expectConflict(store.appendToStream(s('a-4'), [newEvent('C')], { expectedRevision: 0 }), 0, 1);
        await expectConflict(store.appendToStream(s('a-4'), [newEvent('C')], { expectedRevision: 'no_stream' }), 'no_stream', 1);
        await expectConflict(store.appendToStream(s('a-5'), [newEvent('C')], { expectedRevision: 3 }), 3, 'no_stream');
        expect(await store.readStream(s('a-4'))).toHaveLength(2);
        expect(await store.readStream(s('a-5'))).toEqual([]);
      });

      it('writes a batch atomically: a rejected append writes none of its events', async () => {
        await store.appendToStream(s('a-6'), [newEvent('A')], { expectedRevision: 'no_stream' });
        const head = await store.headPosition();
        await expectConflict(
          store.appendToStream(s('a-6'), [newEvent('B'), newEvent('C'), newEvent('D')], { expectedRevision: 5 }),
          5,
          0,
        );
        expect(await store.readStream(s('a-6'))).toHaveLength(1);
        expect(await store.readAll({ after: head, filter: { streamPrefixes: [prefix] } })).toEqual([]);
      });

      it('lets exactly one of several concurrent writers with the same expectation win', async () => {
        await store.appendToStream(s('a-7'), [newEvent('A')], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.appendToStream(s('a-7'), [newEvent('B', { i })], { expectedRevision: 0 })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
          expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await store.readStream(s('a-7'))).toHaveLength(2);
      });
    });

    describe('reading a stream', () => {
      beforeEach(async () => {
        await store.appendToStream(s('r'), [0, 1, 2, 3, 4].map((i) => newEvent('N', { i })), { expectedRevision: 'no_stream' });
      });

      it('round-trips every field of the envelope', async () => {
        const e = newEvent('Typed', { nested: { a: [1, 'x', null] }, amount: '12.50' }, 3);
        e.metadata.idempotencyKey = 'key-1';
        e.metadata.actor = { party: 'distributor', userId: 'u-9', distributorId: 'd-1' };
        await store.appendToStream(s('rt'), [e], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(s('rt'));
        expect(read).toMatchObject({ id: e.id, stream: s('rt'), revision: 0, type: 'Typed', schemaVersion: 3, data: e.data, metadata: e.metadata });
        expect(typeof read.position).toBe('number');
      });

      it('reads forwards and backwards from a revision with a count', async () => {
        const i = (es: RecordedEvent[]) => es.map((e) => e.data.i);
        expect(i(await store.readStream(s('r')))).toEqual([0, 1, 2, 3, 4]);
        expect(i(await store.readStream(s('r'), { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(i(await store.readStream(s('r'), { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(i(await store.readStream(s('r'), { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([3, 2]);
        expect(i(await store.readStream(s('r'), { direction: 'backwards', maxCount: 1 }))).toEqual([4]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(s('missing'))).toEqual([]);
        expect(await store.readStream(s('missing'), { direction: 'backwards' })).toEqual([]);
      });

      // What a cached fold does: read the stream, then only past its end, again and again.
      it('returns events appended after a read that found nothing past the end', async () => {
        const i = (es: RecordedEvent[]) => es.map((e) => e.data.i);
        expect(await store.readStream(s('r'), { fromRevision: 5 })).toEqual([]);
        expect(await store.readStream(s('r'), { fromRevision: 7, maxCount: 3 })).toEqual([]);
        await store.appendToStream(s('r'), [newEvent('N', { i: 5 })], { expectedRevision: 4 });
        expect(i(await store.readStream(s('r'), { fromRevision: 5 }))).toEqual([5]);
        expect(await store.readStream(s('r'), { fromRevision: 6 })).toEqual([]);
        await store.appendToStream(s('r'), [6, 7].map((n) => newEvent('N', { i: n })), { expectedRevision: 5 });
        expect(i(await store.readStream(s('r'), { fromRevision: 6 }))).toEqual([6, 7]);
        expect(i(await store.readStream(s('r'), { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(i(await store.readStream(s('r'), { fromRevision: 7, maxCount: 3 }))).toEqual([7]);
      });

      it('returns the first events of a stream read before it existed', async () => {
        expect(await store.readStream(s('later'))).toEqual([]);
        await store.appendToStream(s('later'), [newEvent('N', { i: 0 })], { expectedRevision: 'no_stream' });
        expect((await store.readStream(s('later'))).map((e) => e.data.i)).toEqual([0]);
      });

      it('does not count a refused append as written', async () => {
        expect(await store.readStream(s('r'), { fromRevision: 5 })).toEqual([]);
        await expectConflict(store.appendToStream(s('r'), [newEvent('N', { i: 5 })], { expectedRevision: 3 }), 3, 4);
        expect(await store.readStream(s('r'), { fromRevision: 5 })).toEqual([]);
        expect(await store.readStream(s('r'), { fromRevision: 4 })).toHaveLength(1);
      });
    });

    describe('reading $all', () => {
      it('reads after a position in global order, with a count', async () => {
        const head = await store.headPosition();
        await store.appendToStream(s('x-1'), [newEvent('A', { n: 1 })]);
        await store.appendToStream(s('x-2'), [newEvent('B', { n: 2 }), newEvent('A', { n: 3 })]);
        const all = await store.readAll({ after: head, filter: { streamPrefixes: [prefix] } });
        expect(all.map((e) => e.data.n)).toEqual([1, 2, 3]);
        expect(all[0].position).toBeGreaterThan(head);
        const rest = await store.readAll({ after: all[0].position, maxCount: 1, filter: { streamPrefixes: [prefix] } });
        expect(rest.map((e) => e.data.n)).toEqual([2]);
        expect(await store.headPosition()).toBe(all[2].position);
      });

      it('filters by event type and by stream prefix', async () => {
        const head = await store.headPosition();
        await store.appendToStream(s('p-1'), [newEvent(`${prefix}A`, { n: 1 }), newEvent(`${prefix}B`, { n: 2 })]);
        await store.appendToStream(s('q-1'), [newEvent(`${prefix}A`, { n: 3 })]);
        const byType = await store.readAll({ after: head, filter: { eventTypes: [`${prefix}A`] } });
        expect(byType.map((e) => e.data.n)).toEqual([1, 3]);
        const byStream = await store.readAll({ after: head, filter: { streamPrefixes: [s('q-')] } });
        expect(byStream.map((e) => e.data.n)).toEqual([3]);
        const both = await store.readAll({ after: head, filter: { eventTypes: [`${prefix}B`], streamPrefixes: [s('p-')] } });
        expect(both.map((e) => e.data.n)).toEqual([2]);
      });
    });

    describe('subscribing to $all', () => {
      it('catches up, then goes live without gap or duplicate under concurrent appends', async () => {
        const head = await store.headPosition();
        for (let i = 0; i < 30; i++) await store.appendToStream(s(`c-${i % 3}`), [newEvent('C', { i })]);
        const sub = store.subscribeToAll({ after: head, filter: { streamPrefixes: [prefix] } });
        const writer = (async () => {
          for (let i = 30; i < 90; i++) {
            await store.appendToStream(s(`c-${i % 3}`), [newEvent('C', { i }), newEvent('C', { i: i + 1000 })]);
          }
        })();
        const got = await take(sub, 30 + 60 * 2);
        await writer;
        await sub.close();
        const positions = got.map((e) => e.position);
        expect(new Set(positions).size).toBe(positions.length);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        const expected = await store.readAll({ after: head, filter: { streamPrefixes: [prefix] } });
        expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      });

      it('starts after the given position and honours the filter', async () => {
        await store.appendToStream(s('f-1'), [newEvent('F', { n: 1 })]);
        const after = await store.headPosition();
        const sub = store.subscribeToAll({ after, filter: { eventTypes: [`${prefix}Wanted`] } });
        await store.appendToStream(s('f-1'), [newEvent('F', { n: 2 }), newEvent(`${prefix}Wanted`, { n: 3 })]);
        await store.appendToStream(s('f-2'), [newEvent(`${prefix}Wanted`, { n: 4 })]);
        const got = await take(sub, 2);
        await sub.close();
        expect(got.map((e) => e.data.n)).toEqual([3, 4]);
      });

      it('ends iteration when closed', async () => {
        const sub = store.subscribeToAll({ after: await store.headPosition() });
        const iterating = (async () => {
          const seen: RecordedEvent[] = [];
          for await (const e of sub) seen.push(e);
          return seen;
        })();
        await new Promise((r) => setTimeout(r, 50));
        await sub.close();
        await expect(iterating).resolves.toBeDefined();
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
