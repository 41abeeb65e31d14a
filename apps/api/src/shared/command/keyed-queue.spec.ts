import { KeyedQueue } from './keyed-queue';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in order, and those of other keys meanwhile', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = gate();
    const a1 = queue.run('a', async () => {
      log.push('a1 start');
      await first.opened;
      log.push('a1 end');
      return 1;
    });
    const a2 = queue.run('a', async () => {
      log.push('a2');
      return 2;
    });
    const b1 = queue.run('b', async () => {
      log.push('b1');
      return 3;
    });
    await b1;
    expect(log).toEqual(['a1 start', 'b1']); // b did not wait for a; a2 waits for a1
    first.open();
    await expect(Promise.all([a1, a2])).resolves.toEqual([1, 2]);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('gives a task its own failure and still runs the next one; forgets a key once idle', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      throw new Error('refused');
    });
    const next = queue.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
    await new Promise((r) => setImmediate(r));
    expect(queue.size).toBe(0);
  });
});
