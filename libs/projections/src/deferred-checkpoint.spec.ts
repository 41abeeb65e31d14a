import { DeferredCheckpoint, type CheckpointWrite } from './deferred-checkpoint';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rethrow = (error: unknown) => {
  throw error;
};

/** A store of one checkpoint with the compare-and-set, recording each write; `failNext` fails the next one. */
function store() {
  const state = { checkpoint: 0, writes: [] as Array<[number, number, number]>, failNext: false };
  const write: CheckpointWrite = async (expected, checkpoint, ops) => {
    if (state.failNext) {
      state.failNext = false;
      throw new Error('disk full');
    }
    if (expected !== state.checkpoint) throw new Error(`expected ${expected}, stored ${state.checkpoint}`);
    state.checkpoint = checkpoint;
    state.writes.push([expected, checkpoint, ops.length]);
  };
  return { state, write };
}

describe('DeferredCheckpoint', () => {
  it('holds back moves past batches without effects until quiet, then writes the last in one commit', async () => {
    const { state, write } = store();
    const cp = new DeferredCheckpoint(write, rethrow, { quietMs: 30, maxMs: 10_000 });
    cp.reset(0);
    for (const to of [3, 5, 9]) await cp.exclusive(() => cp.skip(to));
    expect(state.writes).toEqual([]);
    await wait(80);
    expect(state.writes).toEqual([[0, 9, 0]]);
  });

  it('a timed write that fails is reported and kept: the next commit carries it with the right expected checkpoint', async () => {
    const { state, write } = store();
    const errors: unknown[] = [];
    const cp = new DeferredCheckpoint(write, (e) => errors.push(e), { quietMs: 10, maxMs: 10_000 });
    cp.reset(0);
    state.failNext = true;
    await cp.exclusive(() => cp.skip(4));
    await wait(50);
    expect(errors).toEqual([new Error('disk full')]);
    await cp.exclusive(() => cp.commit(6, [{ op: 'delete', collection: 'c', filter: {} }]));
    expect(state.writes).toEqual([[0, 6, 1]]);
  });

  it('a resume drops the move held back (its events are read again) and takes the stored checkpoint as expected', async () => {
    const { state, write } = store();
    const cp = new DeferredCheckpoint(write, rethrow, { quietMs: 10, maxMs: 10_000 });
    cp.reset(0);
    await cp.exclusive(() => cp.skip(4));
    state.checkpoint = 2; // another instance moved it meanwhile
    cp.reset(2);
    await wait(40);
    expect(state.writes).toEqual([]);
    await cp.exclusive(() => cp.flush());
    expect(state.writes).toEqual([]);
    await cp.exclusive(() => cp.skip(7));
    await cp.exclusive(() => cp.flush());
    expect(state.writes).toEqual([[2, 7, 0]]);
  });
});
