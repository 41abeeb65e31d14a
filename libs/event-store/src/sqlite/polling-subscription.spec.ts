import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '../port';
import { pollingSubscription, type AppendSignal } from './polling-subscription';

const event = (position: number, type: string): RecordedEvent => ({
  id: `e${position}`,
  stream: `s-${position}`,
  revision: 0,
  position,
  type,
  schemaVersion: 1,
  data: {},
  metadata: { actor: { party: 'company', userId: 'u-1' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' },
});

/** A log in memory that counts the subscription's reads; the poll is an hour, so only signals wake it. */
function setup(mayMatch?: (stream: string, types: readonly string[]) => boolean, pageSize = 500) {
  const log: RecordedEvent[] = [];
  const signal = new EventEmitter();
  let reads = 0;
  const subscription = pollingSubscription({
    after: 0,
    readBatch: async (after) => {
      reads += 1;
      return log.filter((e) => e.position > after && (!mayMatch || mayMatch(e.stream, [e.type]))).slice(0, pageSize);
    },
    pageSize,
    signal,
    pollIntervalMs: 3_600_000,
    mayMatch,
  });
  const iterator = subscription[Symbol.asyncIterator]();
  const append = (type: string, announce: 'detailed' | 'bare' = 'detailed') => {
    const e = event(log.length + 1, type);
    log.push(e);
    signal.emit('append', ...(announce === 'detailed' ? [{ stream: e.stream, types: [e.type] } satisfies AppendSignal] : []));
  };
  const settle = () => new Promise((r) => setImmediate(r));
  /** Takes `n` events from the subscription. */
  const take = async (n: number) => {
    const taken: RecordedEvent[] = [];
    while (taken.length < n) taken.push((await iterator.next()).value as RecordedEvent);
    return taken;
  };
  return { subscription, iterator, append, settle, take, reads: () => reads };
}

describe('pollingSubscription', () => {
  const webhooksOnly = (_stream: string, types: readonly string[]) => types.includes('WebhookRegistered');

  it('a filtered subscription is not woken by an append it cannot match, and is by one it can', async () => {
    const { subscription, iterator, append, settle, reads } = setup(webhooksOnly);
    const next = iterator.next();
    await settle();
    const waiting = reads();
    for (let i = 0; i < 20; i++) append('SaleRecorded');
    await settle();
    expect(reads()).toBe(waiting); // twenty appends, no read

    append('WebhookRegistered');
    await expect(next).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 21, type: 'WebhookRegistered' }) });
    expect(reads()).toBe(waiting + 1);
    await subscription.close();
  });

  it('a signal that does not say what was appended (another process committed) wakes a filtered subscription', async () => {
    const { subscription, iterator, append, settle, reads } = setup(webhooksOnly);
    const next = iterator.next();
    await settle();
    const waiting = reads();
    append('SaleRecorded', 'bare');
    await settle();
    expect(reads()).toBe(waiting + 1);
    append('WebhookRegistered', 'bare');
    await expect(next).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 2 }) });
    await subscription.close();
  });

  it('after a short page it waits for an append instead of reading again; after a full page it reads on', async () => {
    const { subscription, iterator, append, settle, take, reads } = setup(undefined, 3);
    for (let i = 0; i < 5; i++) append('SaleRecorded');
    expect((await take(5)).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    const next = iterator.next();
    await settle();
    expect(reads()).toBe(2); // a full page of 3, then the 2 left: nothing read past them
    append('SaleRecorded');
    await expect(next).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 6 }) });
    expect(reads()).toBe(3);
    await subscription.close();
  });

  it('reads again at once when an append was signalled while its page was being consumed', async () => {
    const { subscription, append, take, reads } = setup();
    append('SaleRecorded');
    append('SaleRecorded');
    const [first] = await take(1); // the page held both; the consumer is on the first
    expect(first.position).toBe(1);
    append('SaleRecorded'); // signalled before the subscription went back to wait
    expect((await take(2)).map((e) => e.position)).toEqual([2, 3]);
    expect(reads()).toBe(2);
    await subscription.close();
  });

  it('an unfiltered subscription is woken by every append', async () => {
    const { subscription, iterator, append } = setup();
    const first = iterator.next();
    append('SaleRecorded');
    await expect(first).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 1, type: 'SaleRecorded' }) });
    const second = iterator.next();
    append('ClientClaimed');
    await expect(second).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 2 }) });
    await subscription.close();
  });
});
