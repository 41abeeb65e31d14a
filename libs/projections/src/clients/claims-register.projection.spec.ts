import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { CLAIMS_REGISTER, claimsRegisterProjection, type ClaimEntryDoc } from './claims-register.projection';
import {
  basisOf,
  CEO,
  claimContested,
  claimed,
  COMPANY,
  contestedSpring,
  D1,
  delivered,
  disputeSettled,
  JAN,
  onClient,
  PROCESS,
  registered,
  released,
  replayed,
  transferred,
  type Delivered,
} from './testing/fixtures';

const claimedAt = '2026-01-10T10:00:00.000Z';
const d1Claim = { kind: 'claim' as const, basis: basisOf('d-1', 'distributor'), at: claimedAt };

/** The company contests d-1's claim and wins; later it releases the client. */
const claimWon = (): Delivered[] => [
  onClient(registered(), JAN),
  onClient(claimed(D1, claimedAt), JAN),
  onClient(claimContested({ disputeId: 'dsp-1', claimant: COMPANY, owner: D1, ownerBasis: d1Claim, at: '2026-02-10T09:00:00.000Z' }), CEO),
  onClient(transferred('t-1', D1, COMPANY, { kind: 'dispute', disputeId: 'dsp-1' }, '2026-02-20T09:00:00.000Z'), PROCESS),
  onClient(disputeSettled('dsp-1', 'resolved', COMPANY, '2026-02-20T09:00:00.000Z'), PROCESS),
  onClient(released(COMPANY, '2026-04-01T09:00:00.000Z'), CEO),
];

describe('claims register projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]): Promise<ClaimEntryDoc[]> {
    await reads.apply(claimsRegisterProjection, events);
    return reads.store.find<ClaimEntryDoc>(CLAIMS_REGISTER, {}, { sort: { at: 1 } });
  }
  const project = (events: Delivered[]) => applied(delivered(events));

  it('records each claim with its basis, and when the ownership it gave ended', async () => {
    const [claim, contest] = await project(contestedSpring());
    expect(claim).toEqual({
      _id: 'e-1',
      clientId: 'c-1',
      claimant: D1,
      claimantKey: 'distributor:d-1',
      at: claimedAt,
      basis: basisOf('d-1', 'distributor'),
      outcome: 'claimed',
      endedAt: '2026-02-25T09:00:00.000Z',
      endedBy: 'transferred',
      revision: 8,
      updatedAt: expect.any(String),
    });
    expect(contest).toEqual({
      _id: 'e-4',
      clientId: 'c-1',
      claimant: COMPANY,
      claimantKey: 'company',
      at: '2026-02-10T09:00:00.000Z',
      basis: basisOf('d-1', 'company'),
      outcome: 'disputed',
      disputeId: 'dsp-1',
      ownerAtTheTime: D1,
      ownerKey: 'distributor:d-1',
      ownerBasis: d1Claim,
      resolution: { resolution: 'resolved', ownerAfter: D1, settledAt: '2026-02-20T09:00:01.000Z', granted: false },
      revision: 7,
      updatedAt: expect.any(String),
    });
  });

  it('grants a contested claim the claimant won, and ends it when the claimant lets the client go', async () => {
    const [claim, contest] = await project(claimWon());
    expect(claim).toMatchObject({ outcome: 'claimed', endedBy: 'transferred', endedAt: '2026-02-20T09:00:00.000Z' });
    expect(contest).toMatchObject({
      outcome: 'disputed',
      resolution: { resolution: 'resolved', ownerAfter: COMPANY, granted: true },
      endedBy: 'released',
      endedAt: '2026-04-01T09:00:00.000Z',
      revision: 5,
    });
  });

  it('ends a claim once: a later owner letting the client go leaves it as it ended', async () => {
    const [claim] = await project([
      onClient(registered(), JAN),
      onClient(claimed(D1, claimedAt), JAN),
      onClient(transferred('t-1', D1, COMPANY, { kind: 'owner-initiative' }, '2026-02-01T09:00:00.000Z'), JAN),
      onClient(released(COMPANY, '2026-03-01T09:00:00.000Z'), CEO),
    ]);
    expect(claim).toMatchObject({ endedBy: 'transferred', endedAt: '2026-02-01T09:00:00.000Z' });
  });

  it('answers who claimed what, by claimant and by outcome', async () => {
    await project([...claimWon(), onClient(claimed(D1, '2026-05-01T09:00:00.000Z'), JAN)]);
    const ids = async (filter: Record<string, unknown>) =>
      (await reads.store.find(CLAIMS_REGISTER, filter, { sort: { at: 1 } })).map((d) => d._id);
    expect(await ids({ claimantKey: 'distributor:d-1' })).toEqual(['e-1', 'e-6']);
    expect(await ids({ outcome: 'disputed', 'resolution.granted': true })).toEqual(['e-2']);
    expect(await ids({ clientId: 'c-1', endedAt: { $exists: false } })).toEqual(['e-6']);
  });

  it.each([
    ['a contested claim lost, then a hand-over', contestedSpring],
    ['a contested claim won, then a release', claimWon],
  ])('reads the same after the same events are applied again: %s', async (_name, story) => {
    const events = delivered(story());
    const first = await applied(events);
    expect(await applied(replayed(events))).toEqual(first);
  });
});
