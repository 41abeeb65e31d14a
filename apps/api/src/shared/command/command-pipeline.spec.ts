import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command, Decider, Event } from '@cl/domain/shared/types';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { newEvent } from '@cl/event-store/testing/event-store.contract';
import { CommandGate } from './command-gate';
import { CommandPipeline } from './command-pipeline';
import type { CommandRequest } from './request-context';

type Note = Command<'Note', Record<string, never>>;
type Noted = Event<'Noted', { n: number }>;

/** Counts its notes: the n of each new note says how many the decider saw before it. */
const counter: Decider<number, Note, Noted> = {
  initialState: () => 0,
  decide: (_command, seen) => [{ type: 'Noted', data: { n: seen + 1 } }],
  evolve: (seen) => seen + 1,
};

const now = new Date('2026-11-29T10:00:00.000Z');
const request: CommandRequest = { actor: { party: 'system', userId: 'test' }, correlationId: 'c-1', causationId: 'c-1', now };
const note: Note = { type: 'Note', data: {}, context: { now, actor: request.actor } };

describe('CommandPipeline with a fresh stream (an id the server drew at random)', () => {
  let store: SqliteEventStore;
  let pipeline: CommandPipeline;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
    pipeline = new CommandPipeline(store, { Noted: { version: 1 } }, new CommandGate());
  });
  afterEach(() => store.close());

  it('decides on the empty state without reading the stream', async () => {
    const reads = jest.spyOn(store, 'readStream');
    const outcome = await pipeline.run({ stream: 'note-1', decider: counter, command: note, request, freshStream: true });
    expect(reads).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ events: [{ data: { n: 1 } }], revision: 0, replayed: false });
  });

  it('reads and decides again when the stream exists after all, even without retries on conflict', async () => {
    await store.appendToStream('note-2', [newEvent('Noted', { n: 1 }), newEvent('Noted', { n: 2 })]);
    const outcome = await pipeline.run({ stream: 'note-2', decider: counter, command: note, request, freshStream: true });
    expect(outcome).toMatchObject({ events: [{ data: { n: 3 } }], revision: 2 });
    expect((await store.readStream('note-2')).map((e) => e.data.n)).toEqual([1, 2, 3]);
  });
});

describe('CommandPipeline when concurrent commands race on one stream', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cl-pipeline-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { appendThread: true }); // group commit, as the API runs it
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets all eight through on three retries: the losers decide again one at a time, not together', async () => {
    // No jitter: losers that decided again together would share a commit, and only one per round could win.
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const pipeline = new CommandPipeline(store, { Noted: { version: 1 } }, new CommandGate());
    const run = () => pipeline.run({ stream: 'note-3', decider: counter, command: note, request, retryOnConflict: 3 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, run));
    expect(outcomes.map((o) => o.events[0].data.n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await store.readStream('note-3')).map((e) => e.data.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
