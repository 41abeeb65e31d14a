import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '@cl/event-store/testing/event-store.contract';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { WrongExpectedRevisionError } from '@cl/event-store';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { DomainError } from '@cl/domain/shared/errors';
import { reactorCheckpointName, ReactorRunner, type Reactor } from './reactor';

const schemas = { Asked: { version: 1 }, Answered: { version: 1 } };
let dir: string;
let events: SqliteEventStore;
let reads: SqliteReadStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cl-reactor-'));
  events = new SqliteEventStore(join(dir, 'events.db'));
  reads = new SqliteReadStore(join(dir, 'reads.db'));
});
afterEach(async () => {
  await Promise.all([events.close(), reads.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Answers each question once in its own stream; a repeat finds the stream written and does nothing. */
function answering(failFirst = new Set<number>(), refuse = new Set<number>()): Reactor & { attempts: number[] } {
  const attempts: number[] = [];
  return {
    name: 'answering',
    eventTypes: ['Asked'],
    attempts,
    async react(event) {
      const n = (event.data as { n: number }).n;
      attempts.push(n);
      if (failFirst.delete(n)) throw new Error(`transient failure on ${n}`);
      if (refuse.has(n)) throw new DomainError('TEST.REFUSED', 'conflict', `question ${n} is refused`, { n });
      try {
        await events.appendToStream(`answer-${n}`, [newEvent('Answered', { n })], { expectedRevision: 'no_stream' });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    },
  };
}

const ask = (n: number) => events.appendToStream(`question-${n}`, [newEvent('Asked', { n })]);
const answers = async () => (await events.readAll({ after: 0, maxCount: 10_000 })).filter((e) => e.type === 'Answered').map((e) => e.data.n);

describe('ReactorRunner', () => {
  it('reacts to each event of its types after catch-up and live, and moves its checkpoint past the others', async () => {
    for (let n = 0; n < 5; n++) await ask(n);
    const reactor = answering();
    const runner = new ReactorRunner(events, reads, [reactor], { schemas });
    await runner.start();
    for (let n = 5; n < 10; n++) await ask(n);
    await runner.waitFor();
    await runner.stop();
    expect((await answers()).sort((a, b) => Number(a) - Number(b))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The answers it wrote are events too; its checkpoint covers them without reacting to them.
    expect((await reads.status(reactorCheckpointName('answering'))).checkpoint).toBe(await events.headPosition());
  });

  it('a failed reaction is retried from the checkpoint, and what was done before the failure is not done twice', async () => {
    for (let n = 0; n < 6; n++) await ask(n);
    const errors: unknown[] = [];
    const reactor = answering(new Set([3]));
    const runner = new ReactorRunner(events, reads, [reactor], { schemas, onError: (_, e) => errors.push(e) });
    await runner.start();
    await runner.waitFor(undefined, 15_000);
    await runner.stop();
    expect(errors).toHaveLength(1);
    // 0..2 were delivered again after the failure; the idempotent reaction wrote each answer once.
    expect(reactor.attempts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2);
    expect((await answers()).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('resumes after a restart from its checkpoint: nothing missed, nothing redone', async () => {
    const first = answering();
    const runner = new ReactorRunner(events, reads, [first], { schemas });
    await runner.start();
    for (let n = 0; n < 3; n++) await ask(n);
    await runner.waitFor();
    await runner.stop();
    for (let n = 3; n < 6; n++) await ask(n);
    const second = answering();
    const again = new ReactorRunner(events, reads, [second], { schemas });
    await again.start();
    await again.waitFor();
    await again.stop();
    expect(second.attempts).toEqual([3, 4, 5]);
    expect((await answers()).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('parks a reaction its command refuses (a DomainError, refused again on every retry) and goes on with later events', async () => {
    for (let n = 0; n < 5; n++) await ask(n);
    const errors: unknown[] = [];
    const reactor = answering(new Set(), new Set([2]));
    const runner = new ReactorRunner(events, reads, [reactor], { schemas, onError: (_, e) => errors.push(e) });
    await runner.start();
    await runner.waitFor(undefined, 5_000);
    await runner.stop();
    expect((await answers()).sort()).toEqual([0, 1, 3, 4]);
    expect(reactor.attempts.filter((n) => n === 2)).toHaveLength(1);
    expect(errors).toEqual([]);
    const asked2 = (await events.readStream('question-2'))[0];
    // On record, for health and an operator: which event, which refusal.
    expect(await runner.parked()).toEqual([
      expect.objectContaining({
        reactor: 'answering',
        position: asked2.position,
        eventId: asked2.id,
        eventType: 'Asked',
        stream: 'question-2',
        code: 'TEST.REFUSED',
        message: 'question 2 is refused',
        details: { n: 2 },
      }),
    ]);
    // Durable: a restarted runner still reports it, and does not react to it again.
    const again = new ReactorRunner(events, reads, [answering()], { schemas });
    await again.start();
    await again.waitFor();
    await again.stop();
    expect((await again.parked()).map((p) => p.position)).toEqual([asked2.position]);
  });

  it('still retries an error that is not a refusal, parking nothing', async () => {
    for (let n = 0; n < 3; n++) await ask(n);
    const runner = new ReactorRunner(events, reads, [answering(new Set([1]))], { schemas, onError: () => undefined });
    await runner.start();
    await runner.waitFor(undefined, 15_000);
    await runner.stop();
    expect((await answers()).sort()).toEqual([0, 1, 2]);
    expect(await runner.parked()).toEqual([]);
  });

  describe('the checkpoint moved past events it ignores', () => {
    const ignore = (n: number) => events.appendToStream(`noise-${n}`, [newEvent('Answered', { n })]);
    const stored = async () => (await reads.status(reactorCheckpointName('answering'))).checkpoint;

    /** The store as the runner sees it, counting the commits of the reactor's checkpoint. */
    function counting(): { store: SqliteReadStore; commits: () => number } {
      let commits = 0;
      const store = Object.create(reads) as SqliteReadStore;
      store.commit = (batch) => {
        commits += 1;
        return reads.commit(batch);
      };
      return { store, commits: () => commits };
    }

    /** The events as the runner sees them, telling the last position its subscription delivered. */
    function watched(): { events: SqliteEventStore; delivered: () => number } {
      let delivered = 0;
      const watching = Object.create(events) as SqliteEventStore;
      watching.subscribeToAll = (options) => {
        const inner = events.subscribeToAll(options);
        const iterator = inner[Symbol.asyncIterator]();
        return {
          [Symbol.asyncIterator]: () => ({
            next: async () => {
              const result = await iterator.next();
              if (!result.done) delivered = result.value.position;
              return result;
            },
          }),
          close: () => inner.close(),
        } as ReturnType<SqliteEventStore['subscribeToAll']>;
      };
      return { events: watching, delivered: () => delivered };
    }

    async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((r) => setTimeout(r, 5));
      }
    }

    it('under a steady stream of them, commits at most once per maxMs, and reaches the head once quiet', async () => {
      const { store, commits } = counting();
      const runner = new ReactorRunner(events, store, [answering()], { schemas, deferCheckpoint: { quietMs: 100, maxMs: 200 } });
      await runner.start();
      const started = Date.now();
      for (let n = 0; n < 60; n++) {
        await ignore(n);
        await new Promise((r) => setTimeout(r, 10));
      }
      const elapsed = Date.now() - started;
      const head = await events.headPosition();
      await until(async () => (await stored()) === head); // written once quiet, without a stop
      // One commit per batch would be ~60 (each append is its own batch at this pace).
      expect(commits()).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 2);
      await runner.stop();
    });

    it('a reaction commits at once, moving the checkpoint past the ignored events before it too', async () => {
      const { store, commits } = counting();
      const runner = new ReactorRunner(events, store, [answering()], { schemas, deferCheckpoint: { quietMs: 60_000, maxMs: 60_000 } });
      await runner.start();
      for (let n = 0; n < 5; n++) await ignore(n);
      const { position } = await ask(1);
      await until(async () => (await stored()) >= position);
      expect(await stored()).toBe(position);
      expect(commits()).toBe(1);
      await runner.stop();
    });

    it('waitFor returns with the stored checkpoint at the position it waited for, writing a move held back', async () => {
      const runner = new ReactorRunner(events, reads, [answering()], { schemas, deferCheckpoint: { quietMs: 60_000, maxMs: 60_000 } });
      await runner.start();
      await ignore(1);
      await runner.waitFor(undefined, 5_000);
      expect(await stored()).toBe(await events.headPosition()); // what tests and /health read next
      await runner.stop();
    });

    it('a stop writes the move it held back (until then a crash loses only the move: the events are read again)', async () => {
      for (let n = 0; n < 7; n++) await ignore(n);
      const head = await events.headPosition();
      const crashed = watched();
      const reactor = answering();
      const first = new ReactorRunner(crashed.events, reads, [reactor], {
        schemas,
        batchSize: 3,
        deferCheckpoint: { quietMs: 60_000, maxMs: 60_000 },
      });
      await first.start();
      await until(() => crashed.delivered() === head);
      // Everything was read and ignored; nothing is written yet (a crash now would lose only the move).
      expect(await stored()).toBe(0);
      await first.stop();
      expect(await stored()).toBe(head);
      expect(reactor.attempts).toEqual([]);
    });
  });
});
