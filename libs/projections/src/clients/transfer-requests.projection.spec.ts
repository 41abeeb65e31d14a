import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import {
  CEO,
  claimed,
  COMPANY,
  contestedSpring,
  D1,
  D2,
  delivered,
  disputeSettled,
  EWA,
  JAN,
  onClient,
  PROCESS,
  registered,
  released,
  replayed,
  requestWithdrawn,
  transferContested,
  transferRequested,
  type Delivered,
} from './testing/fixtures';
import { overdueFilter, TRANSFER_REQUESTS, transferRequestsProjection, type TransferRequestDoc } from './transfer-requests.projection';

describe('transfer requests projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]): Promise<Record<string, TransferRequestDoc>> {
    await reads.apply(transferRequestsProjection, events);
    const docs = await reads.store.find<TransferRequestDoc>(TRANSFER_REQUESTS, {});
    return Object.fromEntries(docs.map((d) => [d._id, d]));
  }
  const project = (events: Delivered[]) => applied(delivered(events));

  it('records a request pending until the owner answers, due after the policy’s hand-over days', async () => {
    const { 'r-1': request } = await project(contestedSpring().slice(0, 9));
    expect(request).toEqual({
      _id: 'r-1',
      clientId: 'c-1',
      from: D1,
      to: COMPANY,
      fromKey: 'distributor:d-1',
      toKey: 'company',
      reason: 'the client called us',
      policyId: 'd-1-2026',
      handOverDays: 14,
      requestedAt: '2026-02-15T09:00:00.000Z',
      dueBy: '2026-03-01T09:00:00.000Z',
      status: 'pending',
      revision: 5,
      updatedAt: expect.any(String),
    });
  });

  it('accepts the request a transfer carried out, supersedes the others, and closes a contested one with its dispute', async () => {
    const requests = await project(contestedSpring());
    expect(requests['r-1']).toMatchObject({ status: 'accepted', answeredAt: '2026-02-25T09:00:00.000Z', transferId: 't-1', revision: 8 });
    expect(requests['r-2']).toMatchObject({ status: 'superseded', supersededAt: '2026-02-25T09:00:00.000Z', supersededBy: 'transferred' });
    expect(requests['r-3']).toMatchObject({
      status: 'closed',
      answeredAt: '2026-03-03T09:00:00.000Z',
      disputeId: 'dsp-2',
      contestReason: 'we serve them weekly',
      closedAt: '2026-03-07T09:00:01.000Z',
      outcome: { resolution: 'resolved', ownerAfter: D1, handedOver: true },
      revision: 12,
    });
  });

  it('closes a contested request as not handed over when the owner keeps the client', async () => {
    const { 'r-1': request } = await project([
      onClient(registered(), JAN),
      onClient(claimed(D1, '2026-01-10T10:00:00.000Z'), JAN),
      onClient(transferRequested('r-1', D1, D2, '2026-02-01T09:00:00.000Z'), EWA),
      onClient(transferContested('r-1', 'dsp-1', '2026-02-02T09:00:00.000Z'), JAN),
      onClient(disputeSettled('dsp-1', 'withdrawn', D1, '2026-02-09T09:00:00.000Z'), PROCESS),
    ]);
    expect(request).toMatchObject({ status: 'closed', outcome: { resolution: 'withdrawn', ownerAfter: D1, handedOver: false } });
  });

  it('marks a withdrawn request and supersedes what is pending when the owner releases the client', async () => {
    const requests = await project([
      onClient(registered(), JAN),
      onClient(claimed(D1, '2026-01-10T10:00:00.000Z'), JAN),
      onClient(transferRequested('r-1', D1, D2, '2026-02-01T09:00:00.000Z'), EWA),
      onClient(transferRequested('r-2', D1, COMPANY, '2026-02-01T10:00:00.000Z'), CEO),
      onClient(requestWithdrawn('r-1', '2026-02-02T09:00:00.000Z'), EWA),
      onClient(released(D1, '2026-02-03T09:00:00.000Z'), JAN),
    ]);
    expect(requests['r-1']).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-02-02T09:00:00.000Z',
      withdrawalReason: 'asked by mistake',
    });
    expect(requests['r-2']).toMatchObject({ status: 'superseded', supersededBy: 'released', supersededAt: '2026-02-03T09:00:00.000Z' });
  });

  it('answers which requests are overdue at a given instant', async () => {
    await project([
      onClient(registered(), JAN),
      onClient(claimed(D1, '2026-01-10T10:00:00.000Z'), JAN),
      onClient(transferRequested('r-1', D1, D2, '2026-02-01T09:00:00.000Z'), EWA),
      onClient(transferRequested('r-2', D1, COMPANY, '2026-02-10T09:00:00.000Z'), CEO),
    ]);
    const overdue = async (now: string) => (await reads.store.find(TRANSFER_REQUESTS, overdueFilter(new Date(now)))).map((d) => d._id);
    expect(await overdue('2026-02-15T09:00:00.000Z')).toEqual([]);
    expect(await overdue('2026-02-15T09:00:00.001Z')).toEqual(['r-1']);
    expect(await overdue('2026-03-01T00:00:00.000Z')).toEqual(['r-1', 'r-2']);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = delivered(contestedSpring());
    const first = await applied(events);
    expect(await applied(replayed(events))).toEqual(first);
  });
});
