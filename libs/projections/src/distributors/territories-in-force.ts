import { parsePolicyId, yearEnd } from '@cl/domain/policy';
import type { DistributorView, TerritoryTimelineEntry } from './distributors.projection';

/**
 * A distributor's territories at an instant: those of the policy version governing then, with the
 * same rule as the domain's `termsInForceOn` (from effectiveFrom, until the end of the policy's year
 * or its termination; the latest such version wins), else the territories it was registered with.
 * Decided at read time because "in force" depends on the clock, which a projection cannot know.
 */
export function territoriesInForce(doc: DistributorView, at: Date = new Date()): string[] {
  const ms = at.getTime();
  const governing = (doc.territoryTimeline ?? [])
    .filter((entry) => Date.parse(entry.effectiveFrom) <= ms && ms < endOf(doc, entry))
    .reduce<TerritoryTimelineEntry | undefined>(
      (best, entry) => (!best || Date.parse(entry.effectiveFrom) >= Date.parse(best.effectiveFrom) ? entry : best),
      undefined,
    );
  return (governing && doc.policyTerritories?.[governing.policyId]?.[governing.termsVersion]) ?? doc.territories;
}

function endOf(doc: DistributorView, { policyId }: TerritoryTimelineEntry): number {
  const year = parsePolicyId(policyId)?.year;
  const terminated = doc.policyEnds?.[policyId];
  return Math.min(year ? Date.parse(yearEnd(year)) : -Infinity, terminated ? Date.parse(terminated) : Infinity);
}
