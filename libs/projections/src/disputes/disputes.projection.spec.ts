import {
  AUDITOR,
  COMPANY,
  contestedSpring,
  D1,
  D2,
  delivered,
  disputeOpened,
  disputeWithdrawn,
  EWA,
  JAN,
  noteAdded,
  onDispute,
  PROCESS,
  replayed,
  type Delivered,
} from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { DISPUTES, disputesProjection, proposalsOf, type DisputeDoc } from './disputes.projection';

const saleSubject = { kind: 'sale' as const, saleId: 's-1' };

/** d-2 opens a dispute about a sale, adds a note, and withdraws it. */
const withdrawnSaleDispute = (): Delivered[] => [
  onDispute(
    disputeOpened({
      disputeId: 'dsp-3',
      parties: [D2, COMPANY],
      openedBy: D2,
      origin: { kind: 'direct' },
      at: '2026-04-01T09:00:00.000Z',
      subject: saleSubject,
    }),
    EWA,
  ),
  onDispute(noteAdded('dsp-3', 'n-1', D2, '2026-04-02T09:00:00.000Z'), EWA),
  onDispute(disputeWithdrawn('dsp-3', D2, '2026-04-03T09:00:00.000Z', saleSubject), EWA),
];

describe('disputes projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]): Promise<Record<string, DisputeDoc>> {
    await reads.apply(disputesProjection, events);
    const docs = await reads.store.find<DisputeDoc>(DISPUTES, {});
    return Object.fromEntries(docs.map((d) => [d._id, d]));
  }
  const project = (events: Delivered[]) => applied(delivered(events));

  it('keeps a contested claim’s dispute with its parties, origin, counts and the whole timeline', async () => {
    const { 'dsp-1': dispute } = await project(contestedSpring());
    expect(dispute).toMatchObject({
      subject: { kind: 'client', clientId: 'c-1' },
      subjectKind: 'client',
      clientId: 'c-1',
      parties: [COMPANY, D1],
      partyKeys: ['company', 'distributor:d-1'],
      openedBy: COMPANY,
      origin: { kind: 'claim', claimant: COMPANY, owner: D1 },
      summary: 'who serves c-1',
      status: 'resolved',
      openedAt: '2026-02-10T09:00:01.000Z',
      closedAt: '2026-02-20T09:00:00.000Z',
      resolution: { by: { kind: 'compliance', userId: 'auditor' }, outcome: { decision: 'd-1 keeps c-1', clientOwner: D1 } },
      proposals: [],
      notesCount: 1,
      evidenceCount: 1,
      revision: 3,
    });
    expect(dispute.timeline).toEqual([
      expect.objectContaining({ kind: 'opened', at: '2026-02-10T09:00:01.000Z', by: PROCESS, side: COMPANY, eventId: 'e-5' }),
      {
        kind: 'note-added',
        at: '2026-02-11T09:00:00.000Z',
        by: JAN,
        side: D1,
        noteId: 'n-1',
        text: 'see the visit reports',
        eventId: 'e-6',
      },
      expect.objectContaining({ kind: 'evidence-added', by: JAN, side: D1, evidenceId: 'ev-1', reference: 'doc://visits/2026-02.pdf' }),
      expect.objectContaining({
        kind: 'resolved',
        at: '2026-02-20T09:00:00.000Z',
        by: AUDITOR,
        resolvedBy: { kind: 'compliance', userId: 'auditor' },
      }),
    ]);
  });

  it('lists the proposals: the one both sides agreed accepted, the other lapsed', async () => {
    const { 'dsp-2': dispute } = await project(contestedSpring());
    expect(dispute).toMatchObject({
      status: 'resolved',
      origin: { kind: 'transfer-contest', requestId: 'r-3', requester: D1, owner: COMPANY },
      resolution: { by: { kind: 'agreement', proposalNo: 2, proposedBy: D1, agreedBy: COMPANY } },
    });
    expect(proposalsOf(dispute)).toEqual([
      {
        proposalNo: 1,
        proposedBy: COMPANY,
        outcome: { decision: 'the company keeps c-1', clientOwner: COMPANY },
        proposedAt: '2026-03-05T09:00:00.000Z',
        status: 'lapsed',
      },
      {
        proposalNo: 2,
        proposedBy: D1,
        outcome: { decision: 'd-1 takes c-1 back', clientOwner: D1 },
        proposedAt: '2026-03-06T09:00:00.000Z',
        status: 'accepted',
      },
    ]);
    expect(dispute.timeline.map((t) => [t.kind, t.by.userId])).toEqual([
      ['opened', 'dispute-process'],
      ['resolution-proposed', 'ceo'],
      ['resolution-proposed', 'jan'],
      ['resolved', 'ceo'],
    ]);
  });

  it('shows proposals open while the dispute is open', async () => {
    const { 'dsp-2': dispute } = await project(contestedSpring().slice(0, 18));
    expect(dispute.status).toBe('open');
    expect(proposalsOf(dispute).map((p) => p.status)).toEqual(['open', 'open']);
  });

  it('records a withdrawal: who, why, when', async () => {
    const { 'dsp-3': dispute } = await project(withdrawnSaleDispute());
    expect(dispute).toMatchObject({
      subjectKind: 'sale',
      clientId: null,
      status: 'withdrawn',
      closedAt: '2026-04-03T09:00:00.000Z',
      withdrawal: { side: D2, reason: 'settled between us' },
      notesCount: 1,
      evidenceCount: 0,
      revision: 2,
    });
    expect(dispute.resolution).toBeUndefined();
    expect(dispute.timeline.at(-1)).toEqual({
      kind: 'withdrawn',
      at: '2026-04-03T09:00:00.000Z',
      by: EWA,
      side: D2,
      reason: 'settled between us',
      eventId: 'e-2',
    });
  });

  it('keeps a dispute about an obligation’s evidence, which names no client', async () => {
    const subject = { kind: 'obligation' as const, policyId: 'd-1-2026', obligationId: 'qual:sales engineer:Pump L2', evidenceId: 'ev-1' };
    const opened = disputeOpened({ disputeId: 'dsp-9', parties: [COMPANY, D1], openedBy: COMPANY, origin: { kind: 'direct' }, at: '2026-07-01T09:00:00.000Z', subject });
    const { 'dsp-9': dispute } = await project([onDispute(opened, EWA)]);
    expect(dispute).toMatchObject({ subject, subjectKind: 'obligation', clientId: null, status: 'open' });
  });

  it('finds disputes by party, status and period', async () => {
    await project([...contestedSpring(), ...withdrawnSaleDispute()]);
    const ids = async (filter: Record<string, unknown>) =>
      (await reads.store.find(DISPUTES, filter, { sort: { openedAt: 1 } })).map((d) => d._id);
    expect(await ids({ partyKeys: 'distributor:d-1' })).toEqual(['dsp-1', 'dsp-2']);
    expect(await ids({ partyKeys: 'company' })).toEqual(['dsp-1', 'dsp-2', 'dsp-3']);
    expect(await ids({ status: 'withdrawn' })).toEqual(['dsp-3']);
    expect(await ids({ openedAt: { $gte: '2026-03-01T00:00:00.000Z', $lt: '2026-04-01T00:00:00.000Z' } })).toEqual(['dsp-2']);
    expect(await ids({ clientId: 'c-1', status: 'open' })).toEqual([]);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = delivered([...contestedSpring(), ...withdrawnSaleDispute()]);
    const first = await applied(events);
    expect(await applied(replayed(events))).toEqual(first);
  });

  it('ignores the client’s own events', () => {
    const [registered] = delivered(contestedSpring());
    expect(disputesProjection.project(registered)).toEqual([]);
  });
});
