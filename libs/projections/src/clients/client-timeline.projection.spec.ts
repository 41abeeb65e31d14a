import type { ProjectedEvent } from '../projection';
import * as sales from '../sales/testing/fixtures';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { CLIENT_TIMELINE, clientTimelineProjection, type TimelineEntryDoc } from './client-timeline.projection';
import {
  AUDITOR,
  CEO,
  CLIENT_ID,
  COMPANY,
  contestedSpring,
  D1,
  delivered,
  disputeOpened,
  JAN,
  onDispute,
  PROCESS,
  replayed,
} from './testing/fixtures';

describe('client timeline projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function timeline(events: ProjectedEvent[]): Promise<TimelineEntryDoc[]> {
    await reads.apply(clientTimelineProjection, events);
    return reads.store.find<TimelineEntryDoc>(CLIENT_TIMELINE, { clientId: CLIENT_ID }, { sort: { position: 1 } });
  }

  it('draws claims, hand-overs, interactions and the disputes naming the client on one line, with who acted', async () => {
    const entries = await timeline(delivered(contestedSpring()));
    expect(entries.map((e) => [e.kind, e.by.userId])).toEqual([
      ['registered', 'jan'],
      ['claimed', 'jan'],
      ['interaction', 'jan'],
      ['interaction', 'ceo'],
      ['claim-contested', 'ceo'],
      ['dispute-opened', 'dispute-process'],
      // notes and evidence stay on the dispute's own timeline
      ['transfer-requested', 'ceo'],
      ['transfer-requested', 'ewa'],
      ['dispute-resolved', 'auditor'],
      ['dispute-settled', 'dispute-process'],
      ['transferred', 'jan'],
      ['transfer-requested', 'jan'],
      ['transfer-contested', 'ceo'],
      ['dispute-opened', 'dispute-process'],
      ['dispute-resolved', 'ceo'],
      ['transferred', 'dispute-process'],
      ['dispute-settled', 'dispute-process'],
    ]);
  });

  it('keeps each fact’s own instant and details, keyed by event id', async () => {
    const entries = await timeline(delivered(contestedSpring()));
    const byId = new Map(entries.map((e) => [e._id, e]));
    expect(byId.get('e-1')).toEqual({
      _id: 'e-1',
      clientId: CLIENT_ID,
      position: 2,
      at: '2026-01-10T10:00:00.000Z',
      kind: 'claimed',
      to: D1,
      basis: { judgements: [{ policyId: 'd-1-2026', termsVersion: 1, ruleId: 'r-territory', assignedTo: 'distributor' }] },
      by: JAN,
      revision: 1,
      updatedAt: expect.any(String),
    });
    expect(byId.get('e-3')).toMatchObject({
      kind: 'interaction',
      at: '2026-02-05T08:00:00.000Z',
      occurredAt: '2026-02-01T10:00:00.000Z',
      interactionId: 'i-2',
      interactionKind: 'call',
      summary: 'asked for the spring price list',
      side: COMPANY,
      by: CEO,
    });
    expect(byId.get('e-10')).toMatchObject({
      kind: 'dispute-resolved',
      disputeId: 'dsp-1',
      resolvedBy: { kind: 'compliance', userId: 'auditor' },
      outcome: { decision: 'd-1 keeps c-1', clientOwner: D1 },
      by: AUDITOR,
      revision: 3, // the dispute stream's
    });
    expect(byId.get('e-12')).toMatchObject({ kind: 'transferred', from: D1, to: COMPANY, transferId: 't-1', requestId: 'r-1' });
    expect(byId.get('e-14')).toMatchObject({
      kind: 'transfer-contested',
      requestId: 'r-3',
      disputeId: 'dsp-2',
      reason: 'we serve them weekly',
    });
    expect(byId.get('e-15')).toMatchObject({
      kind: 'dispute-opened',
      side: COMPANY,
      originKind: 'transfer-contest',
      parties: [COMPANY, D1],
    });
    expect(byId.get('e-19')).toMatchObject({
      kind: 'transferred',
      disputeId: 'dsp-2',
      cause: { kind: 'dispute', disputeId: 'dsp-2' },
      by: PROCESS,
    });
    expect(byId.get('e-20')).toMatchObject({ kind: 'dispute-settled', resolution: 'resolved', ownerAfter: D1 });
  });

  it('leaves out disputes that name no client', async () => {
    const saleDispute = disputeOpened({
      disputeId: 'dsp-7',
      parties: [D1, COMPANY],
      openedBy: D1,
      origin: { kind: 'direct' },
      at: '2026-02-01T00:00:00.000Z',
      subject: { kind: 'sale', saleId: 's-1' },
    });
    await reads.apply(clientTimelineProjection, delivered([onDispute(saleDispute, JAN)]));
    expect(await reads.store.count(CLIENT_TIMELINE, {})).toBe(0);
  });

  it('holds each fact once after the same events are applied again', async () => {
    const events = delivered(contestedSpring());
    // The replay arrives at later positions (see `replayed`); an entry is rewritten whole, position included.
    const withoutPosition = (entries: TimelineEntryDoc[]) => entries.map((e) => ({ ...e, position: 0 }));
    const first = withoutPosition(await timeline(events));
    expect(withoutPosition(await timeline(replayed(events)))).toEqual(first);
  });
});

describe('client timeline projection: sales', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  /** d-1 sells to c-1 and corrects it; the company sells to d-1's client (a channel conflict) and cancels; d-2 is refused. */
  function salesOfSpring(): ProjectedEvent[] {
    const book = new sales.SaleBook();
    const pump = sales.line('PUMP-100', 2, 130_000, { floor: { minor: 125_000, currency: 'PLN' } });
    return sales.delivered([
      sales.by(sales.JAN, book.record({ saleId: 's-1', seller: sales.D1, date: '2026-03-10', lines: [pump] })),
      sales.by(
        sales.CEO,
        book.record({
          saleId: 's-2',
          seller: sales.COMPANY,
          date: '2026-03-11',
          lines: [sales.line('VALVE-20', 10, 9_500)],
          channelConflict: { owner: sales.D1 },
        }),
      ),
      sales.by(sales.JAN, book.correct('s-1', [sales.line('PUMP-100', 3, 130_000)], '2026-03-12T09:00:00.000Z')),
      sales.by(sales.CEO, book.cancel('s-2', '2026-03-13T09:00:00.000Z')),
      sales.by(sales.EWA, sales.refused('s-3', sales.D2)),
    ]);
  }

  async function saleEntries(): Promise<TimelineEntryDoc[]> {
    await reads.apply(clientTimelineProjection, salesOfSpring());
    return reads.store.find<TimelineEntryDoc>(CLIENT_TIMELINE, { clientId: CLIENT_ID }, { sort: { position: 1 } });
  }

  it('draws every sale to the client, its corrections and cancellations, by whichever side sold — not the refused ones', async () => {
    const entries = await saleEntries();
    expect(entries.map((e) => [e.kind, 'saleId' in e ? e.saleId : undefined, e.by.userId])).toEqual([
      ['sale', 's-1', 'jan'],
      ['sale', 's-2', 'ceo'],
      ['sale-corrected', 's-1', 'jan'],
      ['sale-cancelled', 's-2', 'ceo'],
    ]);
  });

  it('shows the seller, the date, the total, the lines in short and the channel conflict', async () => {
    const [sold, conflicting, corrected, cancelled] = await saleEntries();
    expect(sold).toMatchObject({
      kind: 'sale',
      at: '2026-03-10T12:00:00.000Z',
      date: '2026-03-10',
      seller: sales.D1,
      currency: 'PLN',
      total: { minor: 260_000, currency: 'PLN' },
      lines: [{ sku: 'PUMP-100', quantity: 2, unitPrice: { minor: 130_000, currency: 'PLN' } }],
      channelConflict: null,
      revision: 0,
    });
    expect((sold as { lines: object[] }).lines[0]).not.toHaveProperty('floor');
    expect(conflicting).toMatchObject({ seller: COMPANY, channelConflict: { owner: sales.D1 }, total: { minor: 95_000 } });
    expect(corrected).toMatchObject({
      at: '2026-03-12T09:00:00.000Z',
      date: '2026-03-10',
      correctionNo: 1,
      total: { minor: 390_000 },
      previousTotal: { minor: 260_000 },
      delta: { minor: 130_000, currency: 'PLN' },
      lines: [{ sku: 'PUMP-100', quantity: 3 }],
      reason: 'wrong quantity on the invoice',
      revision: 1,
    });
    expect(cancelled).toMatchObject({ at: '2026-03-13T09:00:00.000Z', seller: COMPANY, total: { minor: 95_000 }, reason: 'returned' });
  });
});
