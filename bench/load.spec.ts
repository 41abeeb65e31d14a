import { byFiveSeconds, paced } from './load';

describe('paced', () => {
  it('sends every request of the run, in order, waking about once per request rather than every millisecond', async () => {
    const sent: number[] = [];
    const timers = jest.spyOn(global, 'setTimeout');
    const result = await paced(100, 0.5, async (i) => {
      sent.push(i);
    });
    const wakes = timers.mock.calls.length;
    timers.mockRestore();
    expect(sent).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(result.answered).toBe(50);
    // A 1 ms tick woke ~500 times for these 50; a wake-up that comes a little early costs one more.
    expect(wakes).toBeLessThanOrEqual(2 * 50);
  });

  it('keeps sending while earlier answers are outstanding (an open loop)', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let sent = 0;
    // No answer comes before the last request was sent: a loop that waited for answers would never end.
    const result = await paced(200, 0.1, async () => {
      if (++sent === 20) open();
      await gate;
    });
    expect(result.answered).toBe(20);
  });
});

describe('byFiveSeconds', () => {
  it('reports the p99 of each 5-second window, an answer due after the end in the last one', () => {
    const windows = byFiveSeconds(12);
    for (let i = 0; i < 100; i++) windows.record(i * 10, i === 50 ? 80 : 2); // 0–1 s
    windows.record(7_000, 5);
    windows.record(12_500, 9); // due past 12 s: counted in the last window
    expect(windows.p99s()).toBe('2 / 5 / 9');
    expect(byFiveSeconds(10).p99s()).toBe('- / -');
  });
});
