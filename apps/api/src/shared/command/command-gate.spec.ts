import { CommandGate } from './command-gate';

describe('CommandGate (graceful shutdown)', () => {
  it('waits for commands in flight, then refuses new ones with 503', async () => {
    const gate = new CommandGate();
    let finish!: () => void;
    const running = gate.track(() => new Promise<string>((resolve) => (finish = () => resolve('appended'))));
    let drained = false;
    const draining = gate.beforeApplicationShutdown().then(() => (drained = true));
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    await expect(gate.track(async () => 'late')).rejects.toMatchObject({ status: 503, code: 'SERVICE.SHUTTING_DOWN' });
    finish();
    await expect(running).resolves.toBe('appended');
    await draining;
    expect(drained).toBe(true);
  });

  it('drains at once when idle', async () => {
    await expect(new CommandGate().beforeApplicationShutdown()).resolves.toBeUndefined();
  });
});
