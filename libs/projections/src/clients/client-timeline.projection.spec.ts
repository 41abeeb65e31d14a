import type { ProjectedEvent } from '../projection';
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
