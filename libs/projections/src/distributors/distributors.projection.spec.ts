import { distributorStream, type DistributorEvent } from '@cl/domain/distributor/events';
import { policyStream, type PolicyEvent } from '@cl/domain/policy';
import { amended, cameIntoForce, drafted, POLICY_ID, proposed, signed, terminated } from '@cl/domain/policy/testing/fixtures';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import type { Event } from '@cl/domain/shared/types';
import { asProjected, tempReadStore, type StreamedEvent, type TempReadStore } from '../testing/project-events';
import { DISTRIBUTORS, distributorsProjection, type DistributorView } from './distributors.projection';
import { territoriesInForce } from './territories-in-force';

// The policy fixtures are for distributor d-1, year 2026 (policy d-1-2026).
const registered: DistributorEvent = {
  type: 'DistributorRegistered',
  data: { distributorId: 'd-1', name: 'D One', territories: ['PL'], registeredAt: '2025-11-01T00:00:00.000Z' },
};
const drafted2027: PolicyEvent = {
  type: 'PolicyDrafted',
  data: {
    policyId: 'd-1-2027',
    distributorId: 'd-1',
    year: 2027,
    termsVersion: 1,
    terms: sampleTerms(2027, { territories: ['CZ'] }),
    draftedBy: 'ceo',
    draftedAt: '2026-11-01T09:00:00.000Z',
  },
};
const inForce2027: PolicyEvent = {
  type: 'PolicyCameIntoForce',
  data: { policyId: 'd-1-2027', termsVersion: 1, termsHash: 'sha256:terms-v1', effectiveFrom: '2027-01-01T00:00:00.000Z' },
};

const onDistributor = (event: Event): StreamedEvent => ({ stream: distributorStream('d-1'), event });
const onPolicy = (event: PolicyEvent): StreamedEvent => ({ stream: policyStream(event.data.policyId), event });

/** 2026: PL-MZ from January, PL-MA from April (amendment), terminated 1 September. 2027: CZ from January. */
const history = (): StreamedEvent[] => [
  onDistributor(registered),
  onPolicy(drafted('2025-12-01T09:00:00.000Z', sampleTerms(2026, { territories: ['PL-MZ'] }))),
  onPolicy(signed('company', 1, '2025-12-10T10:00:00.000Z')),
  onPolicy(signed('distributor', 1, '2025-12-10T11:00:00.000Z')),
  onPolicy(cameIntoForce(1, '2026-01-01T00:00:00.000Z')),
  onPolicy(
    proposed({
      amendmentNo: 1,
      termsVersion: 2,
      terms: sampleTerms(2026, { territories: ['PL-MA'] }),
      by: 'company',
      proposedAt: '2026-03-01T00:00:00.000Z',
    }),
  ),
  onPolicy(amended(1, 2, '2026-04-01T00:00:00.000Z')),
  onPolicy(drafted2027),
  onPolicy(inForce2027),
  onPolicy(terminated('2026-09-01T00:00:00.000Z')),
];

describe('distributors projection: territories follow the policy in force', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  it('writes each version’s territories and the in-force timeline onto the distributor, never its revision', () => {
    const [, draft, , , inForce] = asProjected(history());
    expect(distributorsProjection.project(draft)).toEqual([
      {
        op: 'update',
        collection: DISTRIBUTORS,
        filter: { _id: 'd-1' },
        update: { $set: { [`policyTerritories.${POLICY_ID}.1`]: ['PL-MZ'] } },
      },
    ]);
    expect(distributorsProjection.project(inForce)).toEqual([
      {
        op: 'update',
        collection: DISTRIBUTORS,
        filter: { _id: 'd-1' },
        update: { $push: { territoryTimeline: { policyId: POLICY_ID, termsVersion: 1, effectiveFrom: '2026-01-01T00:00:00.000Z' } } },
      },
    ]);
  });

  it('answers the territories of the version governing at each instant, else the registered ones', async () => {
    await reads.apply(distributorsProjection, asProjected(history()));
    const doc = (await reads.store.findOne<DistributorView>(DISTRIBUTORS, { _id: 'd-1' }))!;
    expect(doc.revision).toBe(0);
    const at = (iso: string) => territoriesInForce(doc, new Date(iso));
    expect(at('2025-12-31T23:59:59.999Z')).toEqual(['PL']); // signed, not yet in force
    expect(at('2026-01-01T00:00:00.000Z')).toEqual(['PL-MZ']);
    expect(at('2026-04-01T00:00:00.000Z')).toEqual(['PL-MA']); // the amendment
    expect(at('2026-09-01T00:00:00.000Z')).toEqual(['PL']); // terminated
    expect(at('2027-01-01T00:00:00.000Z')).toEqual(['CZ']); // next year's policy
    expect(at('2028-01-01T00:00:00.000Z')).toEqual(['PL']); // no policy for 2028
  });

  it('still renames and keeps the registered territories when no policy exists', async () => {
    const renamed: DistributorEvent = {
      type: 'DistributorRenamed',
      data: { distributorId: 'd-1', name: 'D Uno', renamedAt: '2025-11-02T00:00:00.000Z' },
    };
    await reads.apply(distributorsProjection, asProjected([onDistributor(registered), onDistributor(renamed)]));
    const doc = (await reads.store.findOne<DistributorView>(DISTRIBUTORS, { _id: 'd-1' }))!;
    expect(doc).toMatchObject({ name: 'D Uno', revision: 1 });
    expect(territoriesInForce(doc, new Date('2026-06-01T00:00:00.000Z'))).toEqual(['PL']);
  });
});
