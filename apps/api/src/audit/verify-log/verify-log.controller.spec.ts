import type { ConfigService } from '@nestjs/config';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, ReadAllOptions, RecordedEvent } from '@cl/event-store';
import { ChainedEventStore } from '@cl/event-store/audit/chained-event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { newEvent } from '@cl/event-store/testing/event-store.contract';
import type { AppConfig } from '../../config/config.schema';
import { REUSE_REPORT_FOR_MS, VerifyLogController } from './verify-log.controller';

/** The real embedded store, counting passes over the log (reads from its start); `hold` makes reads wait until released. */
class CountingStore extends ChainedEventStore {
  passes = 0;
  private gate?: Promise<void>;
  private open?: () => void;

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!options?.after) this.passes += 1;
    await this.gate;
    return super.readAll(options);
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }
}

const config = { get: () => 1000 } as unknown as ConfigService<AppConfig, true>;

describe('GET /audit/verify: one run at a time, and no re-run for an unchanged log', () => {
  let dir: string;
  let file: string;
  let store: CountingStore;
  let controller: VerifyLogController;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cl-verify-'));
    file = join(dir, 'events.db');
    store = new CountingStore(new SqliteEventStore(file) as EventStore);
    for (let i = 0; i < 5; i++) await store.appendToStream(`client-${i % 2}`, [newEvent('Noted', { i })]);
    controller = new VerifyLogController(store, config);
  });

  afterEach(async () => {
    jest.useRealTimers();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the log', async () => {
    await expect(controller.verify()).resolves.toMatchObject({ ok: true, checkedEvents: 5, verifiedAt: expect.any(String) });
    expect(store.passes).toBe(1);
  });

  it('lets concurrent calls share one run', async () => {
    store.hold();
    const calls = Array.from({ length: 5 }, () => controller.verify());
    await new Promise((resolve) => setImmediate(resolve));
    store.release();
    const reports = await Promise.all(calls);
    expect(store.passes).toBe(1);
    for (const report of reports) expect(report).toBe(reports[0]);
    expect(reports[0]).toMatchObject({ ok: true, checkedEvents: 5 });
  });

  it('answers the cached report while the head has not moved, and verifies again once it has', async () => {
    const first = await controller.verify();
    expect(await controller.verify()).toBe(first);
    expect(await controller.verify()).toBe(first);
    expect(store.passes).toBe(1);

    await store.appendToStream('client-0', [newEvent('Noted', { i: 5 })]);
    const second = await controller.verify();
    expect(store.passes).toBe(2);
    expect(second).toMatchObject({ ok: true, checkedEvents: 6 });
    expect(await controller.verify()).toBe(second);
    expect(store.passes).toBe(2);
  });

  it('starts a new run for a call after the shared one finished, and does not cache a failure', async () => {
    const failing = jest.spyOn(store, 'headPosition').mockRejectedValueOnce(new Error('store unavailable'));
    await expect(controller.verify()).rejects.toThrow('store unavailable');
    failing.mockRestore();
    await expect(controller.verify()).resolves.toMatchObject({ ok: true });
    expect(store.passes).toBe(1);
  });

  it('reads the log again after a while even if the head has not moved (a change behind its back is found)', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1), doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    expect(await controller.verify()).toMatchObject({ ok: true });
    const db = new Database(file);
    db.prepare('UPDATE events SET data = replace(data, \'"i":3\', \'"i":33\')').run();
    db.close();
    expect(await controller.verify()).toMatchObject({ ok: true });
    expect(store.passes).toBe(1);
    jest.setSystemTime(Date.now() + REUSE_REPORT_FOR_MS);
    expect(await controller.verify()).toMatchObject({ ok: false, firstBroken: { problem: 'hash-mismatch', stream: 'client-1' } });
    expect(store.passes).toBe(2);
  });
});
