import { evolvePolicy, initialPolicyState, policyStream, termsInForceOn, type Policy, type PolicyEvent } from '@cl/domain/policy';
import {
  amended,
  amendmentSigned,
  cameIntoForce,
  changedTerms,
  drafted,
  expired,
  inForceFromJanuary,
  POLICY_ID,
  proposed,
  revised,
  signed,
  terminated,
} from '@cl/domain/policy/testing/fixtures';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { fold } from '@cl/domain/shared/types';
import type { WriteOp } from '@cl/read-models';
import { asProjected, tempReadStore, type TempReadStore } from '../testing/project-events';
import { POLICIES, policiesProjection, type PolicyDoc } from './policies.projection';
import { amendmentsOf, policyStateOf } from './policy-state';
import { termsHash } from './terms-hash';

const declined = (amendmentNo: number, declinedAt: string): PolicyEvent => ({
  type: 'PolicyAmendmentDeclined',
  data: { policyId: POLICY_ID, amendmentNo, party: 'distributor', userId: 'jan', reason: 'too short', declinedAt },
});

/** Revised, signed, amended once, a second amendment declined, a third left open when the company terminates. */
const eventfulYear = (): PolicyEvent[] => [
  drafted(),
  revised(2, changedTerms(21)),
  signed('company', 2, '2025-12-10T10:00:00.000Z'),
  signed('distributor', 2, '2025-12-10T11:00:00.000Z'),
  cameIntoForce(2, '2026-01-01T00:00:00.000Z'),
  proposed({
    amendmentNo: 1,
    termsVersion: 3,
    terms: changedTerms(30),
    by: 'distributor',
    proposedAt: '2026-03-01T09:00:00.000Z',
    requestedEffectiveFrom: '2026-04-01T00:00:00.000Z',
  }),
  amendmentSigned(1, 3, 'distributor', '2026-03-01T10:00:00.000Z'),
  amendmentSigned(1, 3, 'company', '2026-03-02T10:00:00.000Z'),
  amended(1, 3, '2026-04-01T00:00:00.000Z'),
  proposed({ amendmentNo: 2, termsVersion: 4, terms: changedTerms(7), by: 'company', proposedAt: '2026-05-01T09:00:00.000Z' }),
  declined(2, '2026-05-02T09:00:00.000Z'),
  proposed({ amendmentNo: 3, termsVersion: 5, terms: changedTerms(10), by: 'company', proposedAt: '2026-06-01T09:00:00.000Z' }),
  terminated('2026-09-01T00:00:00.000Z'),
];

const projected = (events: PolicyEvent[]) => asProjected(events.map((event) => ({ stream: policyStream(POLICY_ID), event })));
const folded = (events: PolicyEvent[]) => fold({ initialState: initialPolicyState, evolve: evolvePolicy }, events) as Policy;

describe('policies projection: events in, writes out', () => {
  const [draft, , signature, , inForce, , , , amendment] = projected(eventfulYear());

  it('writes a drafted policy whole, each version keyed by its number with the hash of its terms', () => {
    const [op] = policiesProjection.project(draft);
    expect(op).toMatchObject({
      op: 'replace',
      collection: POLICIES,
      doc: { _id: POLICY_ID, status: 'draft', currentVersion: 1, revision: 0 },
    });
    const doc = (op as Extract<WriteOp, { op: 'replace' }>).doc as PolicyDoc;
    expect(doc.versions['1']).toMatchObject({ termsHash: termsHash(sampleTerms()), origin: 'draft', signatures: {} });
  });

  it('sets a signature at its version and party, and moves the revision', () => {
    expect(policiesProjection.project(signature)).toEqual([
      {
        op: 'update',
        collection: POLICIES,
        filter: { _id: POLICY_ID },
        update: {
          $set: {
            'versions.2.signatures.company': { userId: 'ceo', termsHash: 'sha256:terms-v2', signedAt: '2025-12-10T10:00:00.000Z' },
            revision: 2,
            updatedAt: signature.metadata.recordedAt,
          },
        },
      },
    ]);
  });

  it('starts the in-force timeline, then appends to it for each amendment', () => {
    expect(policiesProjection.project(inForce)[0]).toMatchObject({
      update: { $set: { status: 'in_force', inForce: [{ termsVersion: 2 }] } },
    });
    expect(policiesProjection.project(amendment)[0]).toMatchObject({
      update: {
        $set: { 'amendments.1.status': 'agreed', currentVersion: 3 },
        $push: { inForce: { termsVersion: 3, amendmentNo: 1, effectiveFrom: '2026-04-01T00:00:00.000Z' } },
      },
    });
  });

  it('ignores other events', () => {
    expect(policiesProjection.project({ ...draft, type: 'DistributorRenamed', data: {} })).toEqual([]);
  });
});

describe('policies projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function project(events: PolicyEvent[]): Promise<PolicyDoc> {
    await reads.apply(policiesProjection, projected(events));
    return (await reads.store.findOne<PolicyDoc>(POLICIES, { _id: POLICY_ID }))!;
  }

  it('keeps every version with its signatures, every amendment, the timeline, the end and the ETag', async () => {
    const doc = await project(eventfulYear());
    expect(doc).toMatchObject({ status: 'terminated', currentVersion: 3, endedAt: '2026-09-01T00:00:00.000Z', revision: 12 });
    expect(Object.keys(doc.versions)).toEqual(['1', '2', '3', '4', '5']);
    expect(doc.versions['3'].signatures).toEqual({
      distributor: { userId: 'jan', termsHash: 'sha256:terms-v3', signedAt: '2026-03-01T10:00:00.000Z' },
      company: { userId: 'ceo', termsHash: 'sha256:terms-v3', signedAt: '2026-03-02T10:00:00.000Z' },
    });
    expect(doc.inForce.map((e) => e.termsVersion)).toEqual([2, 3]);
    expect(doc.amendments['2']).toMatchObject({
      status: 'declined',
      closedBy: { party: 'distributor', userId: 'jan' },
      reason: 'too short',
    });
    expect(amendmentsOf(doc).map((a) => a.status)).toEqual(['agreed', 'declined', 'lapsed']);
  });

  it.each([
    ['revised, signed, amended, declined and terminated', eventfulYear()],
    ['in force from January, then expired', [...inForceFromJanuary(), expired()]],
    ['a draft signed by one party only', [drafted(), signed('distributor', 1, '2025-12-03T09:00:00.000Z')]],
  ])('reads back as the state the domain folds from the same events: %s', async (_name, events) => {
    const state = policyStateOf(await project(events));
    expect(state).toEqual(folded(events));
  });

  it('answers which terms were in force exactly as the domain does', async () => {
    const events = eventfulYear();
    const state = policyStateOf(await project(events));
    const instants = [
      '2025-12-31T23:59:59.999Z',
      '2026-01-01',
      '2026-03-31T23:59:59Z',
      '2026-04-01',
      '2026-08-31T23:59:59Z',
      '2026-09-01',
      '2027-01-01',
    ];
    for (const at of instants) expect([at, termsInForceOn(state, at)]).toEqual([at, termsInForceOn(events, at)]);
    expect(termsInForceOn(state, '2026-05-01')?.termsVersion).toBe(3);
  });
});
