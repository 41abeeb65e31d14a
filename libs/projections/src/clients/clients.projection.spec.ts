import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { CLIENTS, clientsProjection, type ClientDoc } from './clients.projection';
import { territoryPath } from './envelope';
import {
  aboutClient,
  basisOf,
  CEO,
  claimed,
  CLIENT_ID,
  COMPANY,
  contestedSpring,
  D1,
  D2,
  delivered,
  disputeOpened,
  disputeWithdrawn,
  EWA,
  JAN,
  onClient,
  onDispute,
  registered,
  released,
  replayed,
  transferRequested,
  type Delivered,
} from './testing/fixtures';

describe('clients projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]): Promise<ClientDoc> {
    await reads.apply(clientsProjection, events);
    return (await reads.store.findOne<ClientDoc>(CLIENTS, { _id: CLIENT_ID }))!;
  }
  const project = (events: Delivered[]) => applied(delivered(events));

  it('registers a client unowned, with the territories that cover it', async () => {
    const doc = await project([onClient(registered(), JAN)]);
    expect(doc).toEqual({
      _id: CLIENT_ID,
      legalName: 'Client c-1 Sp. z o.o.',
      taxId: 'PLc-1',
      territory: 'PL-MZ',
      territoryPath: ['PL', 'PL-MZ'],
      segment: 'retail',
      annualVolume: { minor: 12_000_000, currency: 'PLN' },
      relationships: [{ side: D1, since: '2024-05-01' }],
      registeredBy: D1,
      registeredAt: '2026-01-10T09:00:00.000Z',
      owner: null,
      ownerKey: null,
      ownerSince: null,
      ownershipBasis: null,
      openDisputeIds: [],
      pendingTransferRequestIds: [],
      lastInteractionAt: null,
      revision: 0,
      updatedAt: expect.any(String),
    });
  });

  it('tracks the open disputes and pending requests while they are open', async () => {
    const doc = await project(contestedSpring().slice(0, 10));
    expect(doc).toMatchObject({
      owner: D1,
      ownerKey: 'distributor:d-1',
      ownerSince: '2026-01-10T10:00:00.000Z',
      ownershipBasis: { kind: 'claim', basis: basisOf('d-1', 'distributor'), at: '2026-01-10T10:00:00.000Z' },
      openDisputeIds: ['dsp-1'],
      pendingTransferRequestIds: ['r-1', 'r-2'],
      // The later of the two interactions happened, though it was logged first.
      lastInteractionAt: '2026-02-03T10:00:00.000Z',
      revision: 6,
    });
  });

  it('ends with the owner the last move made, why, and nothing left open', async () => {
    const doc = await project(contestedSpring());
    expect(doc).toMatchObject({
      owner: D1,
      ownerKey: 'distributor:d-1',
      ownerSince: '2026-03-07T09:00:01.000Z',
      ownershipBasis: {
        kind: 'transfer',
        transferId: 't-2',
        cause: { kind: 'dispute', disputeId: 'dsp-2' },
        at: '2026-03-07T09:00:01.000Z',
      },
      openDisputeIds: [],
      pendingTransferRequestIds: [],
      revision: 12, // the 13th event of the client's stream; dispute events never move it
    });
  });

  it('releases a client: unowned again, its pending requests gone', async () => {
    const doc = await project([
      onClient(registered(), JAN),
      onClient(claimed(D1, '2026-01-10T10:00:00.000Z'), JAN),
      onClient(transferRequested('r-1', D1, D2, '2026-02-01T09:00:00.000Z'), EWA),
      onClient(released(D1, '2026-02-02T09:00:00.000Z'), JAN),
    ]);
    expect(doc).toMatchObject({
      owner: null,
      ownerKey: null,
      ownerSince: null,
      ownershipBasis: null,
      pendingTransferRequestIds: [],
      revision: 3,
    });
  });

  it('counts a dispute opened directly about the client as open until it ends', async () => {
    const opened = disputeOpened({
      disputeId: 'dsp-9',
      parties: [D1, COMPANY],
      openedBy: D1,
      origin: { kind: 'direct' },
      at: '2026-02-01T00:00:00.000Z',
    });
    const priceDispute = disputeOpened({
      disputeId: 'dsp-10',
      parties: [D1, COMPANY],
      openedBy: D1,
      origin: { kind: 'direct' },
      at: '2026-02-01T00:00:00.000Z',
      subject: { kind: 'price', sku: 'SKU-1', clientId: CLIENT_ID },
    });
    const events = delivered([
      onClient(registered(), JAN),
      onDispute(opened, JAN),
      onDispute(priceDispute, JAN),
      onDispute(disputeWithdrawn('dsp-9', D1, '2026-02-02T00:00:00.000Z', aboutClient), JAN),
    ]);
    expect(await applied(events.slice(0, 3))).toMatchObject({ openDisputeIds: ['dsp-9', 'dsp-10'], revision: 0 });
    expect(await applied(events.slice(3))).toMatchObject({ openDisputeIds: ['dsp-10'], revision: 0 });
  });

  it('finds clients by the territories of a distributor and by owner', async () => {
    await project([
      onClient(registered('c-1', 'PL-MZ'), JAN),
      onClient(registered('c-2', 'PL'), CEO),
      onClient(registered('c-3', 'CZ-10'), CEO),
      onClient(claimed(D1, '2026-01-10T10:00:00.000Z', 'c-1'), JAN),
    ]);
    const ids = async (filter: Record<string, unknown>) =>
      (await reads.store.find(CLIENTS, filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ territoryPath: { $in: ['PL'] } })).toEqual(['c-1', 'c-2']);
    expect(await ids({ territoryPath: { $in: ['PL-MZ', 'CZ'] } })).toEqual(['c-1', 'c-3']);
    expect(await ids({ territoryPath: { $in: ['PL-MA'] } })).toEqual([]);
    expect(await ids({ ownerKey: 'distributor:d-1' })).toEqual(['c-1']);
    expect(await ids({ ownerKey: null })).toEqual(['c-2', 'c-3']);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = delivered(contestedSpring());
    const first = await applied(events);
    expect(await applied(replayed(events))).toEqual(first);
  });
});

describe('territoryPath', () => {
  it('lists every code whose coverage includes the territory, coarsest first', () => {
    expect(territoryPath('PL')).toEqual(['PL']);
    expect(territoryPath('PL-MZ')).toEqual(['PL', 'PL-MZ']);
    expect(territoryPath('FR-IDF-75')).toEqual(['FR', 'FR-IDF', 'FR-IDF-75']);
  });
});
