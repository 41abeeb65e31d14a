/**
 * `npm run cli -- demo` on a temporary DATA_DIR: the key facts of the year land in the log, decided
 * by the command layer and attributed to whoever acted, and every read model reads the same as one
 * rebuilt from the log from scratch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientStream } from '@cl/domain/client';
import { disputeStream } from '@cl/domain/dispute';
import { saleStream } from '@cl/domain/sales';
import { allEventSchemas } from '@cl/domain/schemas';
import { settlementStream } from '@cl/domain/settlement';
import type { EventStore, RecordedEvent } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import { allProjections, Projector } from '@cl/projections';
import type { ReadStore } from '@cl/read-models';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { validateConfig } from '../../../api/src/config/config.schema';
import { startTestApp } from '../../../api/src/testing/test-app';
import { createEventStore, createReadStore } from '../../../api/src/infrastructure/stores';
import { UsageError } from '../args';
import { tourStops, type DemoSummary, type TourToken } from './demo-report';
import { demoCommand } from './demo.command';
import { defaultDemoYear } from './demo-year';

describe('npm run cli -- demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-demo-'));
  const env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
  const now = new Date();
  const year = defaultDemoYear(now);
  let printed = '';
  let summary: DemoSummary;
  let events: EventStore;
  const stream = async (name: string) =>
    (events.readStream(name) as Promise<RecordedEvent[]>).then((es) => es.map(({ type, data, metadata }) => ({ type, data, metadata })));

  beforeAll(async () => {
    summary = await demoCommand(env, {}, { write: (text) => (printed += text) }, now);
    events = await createEventStore(validateConfig(env));
  }, 60_000);
  afterAll(async () => {
    await events?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the year through the command layer: every kind of fact, in the numbers the scenario writes', () => {
    expect(summary.year).toBe(year);
    expect(summary.eventsByType).toMatchObject({
      DistributorRegistered: 2,
      PolicyCameIntoForce: 2,
      PolicyAmended: 1,
      PolicyExpired: 2,
      ClientRegistered: 30,
      ClientClaimed: 30,
      ClientClaimRefused: 1,
      ClientClaimContested: 1,
      ClientTransferred: 2,
      DisputeOpened: 1,
      DisputeResolved: 1,
      ClientDisputeSettled: 1,
      SaleRefused: 1,
      SaleCorrected: 1,
      SaleCancelled: 1,
      SpecialPriceApproved: 1,
      PeriodClosed: 16,
      // acme's and baltic's accruals in force, and acme's re-accrual after the amendment.
      PromotionBudgetAccrued: 3,
      PromotionSpendProposed: 6,
      PromotionSpendRejected: 1,
      PromotionSpendSettled: 3,
    });
    expect(summary.eventsByType.SaleRecorded).toBeGreaterThan(80);
    expect(printed).toContain(`/reports/plan-vs-actual?year=${year}`);
    expect(printed).toMatch(/acme-\d{4} +accrued +19 800\.00 +committed +8 000\.00 +settled +9 800\.00 +balance +2 000\.00/);
  });

  it('attributes every fact to the person or process that acted, at an instant of the simulated year', async () => {
    const log = (await events.readAll()).filter((e) => !isDigest(e));
    const actors = new Set(log.map((e) => `${e.metadata.actor.party}:${e.metadata.actor.userId}`));
    expect([...actors].sort()).toEqual(
      [
        'company:anna',
        'company:piotr',
        'compliance:marta',
        'distributor:jan',
        'distributor:ola',
        'system:dispute-opener',
        'system:dispute-settlement',
        'system:policy-expiry',
        'system:promotion-budget-accrual',
      ].sort(),
    );
    const instants = log.map((e) => e.metadata.recordedAt).sort();
    expect(instants[0]).toBe(`${year - 1}-12-01T09:00:00.000Z`);
    expect(instants.at(-1)).toBe(`${year + 1}-01-02T10:00:00.000Z`);
  });

  it('refuses the below-floor sale on record, and allows the same price once the special price is approved', async () => {
    const [refused] = await stream(saleStream('acme-radom-tender-try'));
    expect(refused).toMatchObject({
      type: 'SaleRefused',
      data: { violations: [{ sku: 'PUMP-100', unitPrice: { minor: 115_000 }, floor: { minor: 125_000 } }] },
      metadata: { actor: { party: 'distributor', userId: 'jan', distributorId: 'acme' }, recordedAt: `${year}-03-10T16:00:00.000Z` },
    });
    const [allowed] = await stream(saleStream('acme-radom-tender'));
    expect(allowed).toMatchObject({
      type: 'SaleRecorded',
      data: { lines: [{ specialPriceId: 'spp-radom-tender' }], channelConflict: null },
    });
    const [conflict] = await stream(saleStream('company-hvac-june'));
    expect(conflict.data).toMatchObject({ channelConflict: { owner: { party: 'distributor', distributorId: 'acme' } } });
  });

  it('settles the contested claim by compliance: the dispute is resolved and the client returns to the company', async () => {
    const dispute = await stream(disputeStream('dsp-krakow-hospital'));
    expect(dispute.map((e) => e.type)).toEqual(['DisputeOpened', 'DisputeNoteAdded', 'DisputeEvidenceAdded', 'DisputeResolved']);
    expect(dispute[3]).toMatchObject({
      data: { by: { kind: 'compliance', userId: 'marta' } },
      metadata: { actor: { party: 'compliance' } },
    });
    const client = await stream(clientStream('c-krakow-hospital'));
    expect(client.map((e) => e.type)).toEqual([
      'ClientRegistered',
      'ClientClaimed',
      'ClientInteractionLogged',
      'ClientTransferRequested',
      'ClientTransferred',
      'ClientClaimContested',
      'ClientTransferred',
      'ClientDisputeSettled',
    ]);
    expect(client[6].data).toMatchObject({ to: { party: 'company' }, cause: { kind: 'dispute', disputeId: 'dsp-krakow-hospital' } });
  });

  it("records the settlements: baltic's late March sale is adjusted by the close of the second quarter", async () => {
    const closes = await stream(settlementStream(`baltic-${year}`));
    expect(closes.map((e) => (e.data as { period: string }).period)).toEqual([1, 2, 3, 4].map((q) => `${year}-Q${q}`));
    expect(closes[1].data).toMatchObject({ adjustments: [{ period: `${year}-Q1`, actualDelta: { minor: 6 * 130_000, currency: 'PLN' } }] });
    expect((await stream(settlementStream(`acme-${year}`))).length).toBe(12);
  });

  it('reads the same in every read model as a rebuild from position 0 into an empty store', async () => {
    const live = await createReadStore(validateConfig(env));
    const fresh = new SqliteReadStore(join(dir, 'rebuilt.db'));
    try {
      await new Projector(events, fresh, allProjections, { schemas: allEventSchemas }).rebuildAll();
      for (const p of allProjections) {
        for (const collection of p.collections)
          expect({ collection, docs: await all(fresh, collection) }).toEqual({ collection, docs: await all(live, collection) });
      }
      expect((await all(live, 'sales')).length).toBeGreaterThan(80);
    } finally {
      await Promise.all([live.close(), fresh.close()]);
    }
  });

  it("answers every stop of the README's tour over HTTP, as the party the tour calls it as", async () => {
    const t = await startTestApp({ DATA_DIR: dir });
    try {
      const tokens: Record<TourToken, string> = {
        TOKEN: await t.token('company', { sub: 'anna' }),
        AUDITOR: await t.token('compliance', { sub: 'marta' }),
        ACME: await t.token('distributor', { sub: 'jan', distributorId: 'acme' }),
      };
      const answers = [];
      for (const stop of tourStops(year)) {
        const res = await t
          .http()
          .get(stop.path)
          .set('Authorization', `Bearer ${tokens[stop.as]}`)
          .set('Accept', stop.csv ? 'text/csv' : 'application/json');
        answers.push({ path: stop.path, status: res.status, type: res.headers['content-type']?.split(';')[0] });
        if (stop.path.includes('/ownership')) expect(res.body).toMatchObject({ owner: { party: 'distributor', distributorId: 'acme' } });
        if (stop.path.startsWith('/disputes/')) expect(res.body).toMatchObject({ status: 'resolved' });
      }
      expect(answers).toEqual(tourStops(year).map((s) => ({ path: s.path, status: 200, type: s.csv ? 'text/csv' : 'application/json' })));
    } finally {
      await t.close();
    }
  });

  it('refuses a log that already has events: it would mix backdated facts with them', async () => {
    await expect(demoCommand(env, {}, { write: () => undefined }, now)).rejects.toThrow(/already holds events.*backdated/);
    await expect(demoCommand(env, { force: 'true' }, { write: () => undefined }, now)).rejects.toThrow(/already has distributor acme/);
    await expect(demoCommand(env, { year: String(now.getUTCFullYear()) }, { write: () => undefined }, now)).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('`projections rebuild` as its own process: every read model from one read of the log, then a clean close', async () => {
    const before = await createReadStore(validateConfig(env));
    const expected = await Promise.all(allProjections.flatMap((p) => p.collections).map((c) => all(before, c)));
    await before.close();
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
        cwd: join(__dirname, '../../../..'),
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    const head = await events.headPosition();
    expect(cli('projections', 'rebuild')).toContain(`all projections: rebuilt to position ${head}`);
    // Closed before exiting, WAL checkpointer included: the last connection folds the WAL back and removes it.
    expect(existsSync(join(dir, 'read-models.db-wal'))).toBe(false);
    const statuses = cli('projections', 'status').trim().split('\n').map((line) => JSON.parse(line) as { checkpoint: number; activeGeneration: number });
    expect(statuses.map((s) => s.checkpoint)).toEqual(allProjections.map(() => head));
    const after = await createReadStore(validateConfig(env));
    expect(await Promise.all(allProjections.flatMap((p) => p.collections).map((c) => all(after, c)))).toEqual(expected);
    await after.close();
  }, 60_000);
});

const all = (store: ReadStore, collection: string) => store.find(collection, {}, { sort: { _id: 1 } });
