import type { DistributorEvent } from '@cl/domain/distributor/events';
import { parsePolicyId, type PolicyEvent } from '@cl/domain/policy';
import type { Doc, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';

export const DISTRIBUTORS = 'distributors';

/** A version that came into force for the distributor: its territories govern from effectiveFrom. */
export interface TerritoryTimelineEntry {
  policyId: string;
  termsVersion: number;
  effectiveFrom: string;
}

export interface DistributorView extends Doc {
  _id: string;
  name: string;
  /** As registered; a policy in force overrides them (see `territoriesInForce`). */
  territories: string[];
  registeredAt: string;
  /** Stream revision of the last event applied: the ETag clients send back as If-Match. */
  revision: number;
  /**
   * Internal. The territories of every policy version, keyed by policy id then version. The events that
   * bring a version in force carry only its number, and an update cannot copy a value from elsewhere,
   * so each version's territories are written here when the version is written.
   */
  policyTerritories?: Record<string, Record<string, string[]>>;
  /** Internal, append-only: the versions that came into force, in event order. */
  territoryTimeline?: TerritoryTimelineEntry[];
  /** Internal: when a policy was terminated (the end of its year is known from its id). */
  policyEnds?: Record<string, string>;
}

export const distributorsProjection: Projection = {
  name: 'distributors',
  collections: [DISTRIBUTORS],
  project(event) {
    const e = event as ProjectedEvent<DistributorEvent | PolicyEvent>;
    switch (e.type) {
      case 'DistributorRegistered':
        return [
          {
            op: 'replace',
            collection: DISTRIBUTORS,
            doc: { _id: e.data.distributorId, name: e.data.name, territories: e.data.territories, registeredAt: e.data.registeredAt, revision: e.revision },
          },
        ];
      case 'DistributorRenamed':
        return [{ op: 'update', collection: DISTRIBUTORS, filter: { _id: e.data.distributorId }, update: { $set: { name: e.data.name, revision: e.revision } } }];
      case 'PolicyDrafted':
      case 'PolicyTermsRevised':
      case 'PolicyAmendmentProposed':
        return policyWrite(e.data.policyId, { $set: { [`policyTerritories.${e.data.policyId}.${e.data.termsVersion}`]: e.data.terms.territories } });
      case 'PolicyCameIntoForce':
      case 'PolicyAmended': {
        const { policyId, termsVersion, effectiveFrom } = e.data;
        return policyWrite(policyId, { $push: { territoryTimeline: { policyId, termsVersion, effectiveFrom } } });
      }
      case 'PolicyTerminated':
        return policyWrite(e.data.policyId, { $min: { [`policyEnds.${e.data.policyId}`]: e.data.terminatedAt } });
      default:
        // PolicyExpired needs nothing: a policy never governs past the end of its year.
        return [];
    }
  },
};

/** Policy facts touch the distributor's document but not its revision, which is its own stream's ETag. */
function policyWrite(policyId: string, update: Record<string, unknown>): WriteOp[] {
  const distributorId = parsePolicyId(policyId)?.distributorId;
  return distributorId ? [{ op: 'update', collection: DISTRIBUTORS, filter: { _id: distributorId }, update }] : [];
}
