/**
 * Client division: whose client is it, "ours" (the company's) or "theirs" (the distributor's)?
 * The policy's ordered rules decide; the first rule whose conditions all hold wins, else the default.
 */
import { DomainError } from '../shared/errors';
import { toMillis } from './calendar';
import type { DivisionCriteria, DivisionRule, Money, Party } from './terms';

export interface ClientProfile {
  segment: string;
  /** ISO 3166 code of the client's location, as precise as known ('PL-MZ' rather than 'PL'). */
  territory: string;
  annualVolume: Money;
  /** The client dealt with the company before the policy took effect (see `hadRelationshipBefore`). */
  existingRelationshipWithCompany: boolean;
  /** The client dealt with the distributor before the policy took effect. */
  existingRelationshipWithDistributor: boolean;
}

export interface Assignment {
  owner: Party;
  /** The id of the rule that decided, or 'default' when none matched. */
  ruleId: string;
}

export const DEFAULT_RULE_ID = 'default';

export function assignClient(criteria: DivisionCriteria, client: ClientProfile): Assignment {
  const rule = criteria.rules.find((r) => ruleMatches(r, client));
  return rule ? { owner: rule.owner, ruleId: rule.id } : { owner: criteria.defaultOwner, ruleId: DEFAULT_RULE_ID };
}

function ruleMatches(rule: DivisionRule, client: ClientProfile): boolean {
  const { segment, territory, minAnnualVolume, existingRelationship } = rule.when;
  if (segment !== undefined && segment !== client.segment) return false;
  if (territory !== undefined && !territoryCovers(territory, client.territory)) return false;
  if (minAnnualVolume !== undefined && !atLeast(client.annualVolume, minAnnualVolume, rule.id)) return false;
  if (existingRelationship !== undefined && existingRelationship !== isExisting(rule.owner, client, existingRelationship)) return false;
  return true;
}

/**
 * How "existing relationship" is read. The source distinguishes existing clients (a relationship
 * before the policy took effect) from potential, new ones:
 *  - `existingRelationship: true` holds when the client had a relationship with the rule's OWNER:
 *    "the company keeps the clients it already served", "the distributor keeps its own";
 *  - `existingRelationship: false` holds for a potential client, one with NO relationship with
 *    either party: a rule for new clients must not hand over a client the other side already serves.
 * A client known only to the other party therefore matches neither form of a rule; a client known
 * to both matches `true` for either owner, and the rule order decides.
 */
function isExisting(owner: Party, client: ClientProfile, wanted: boolean): boolean {
  const withOwner = owner === 'company' ? client.existingRelationshipWithCompany : client.existingRelationshipWithDistributor;
  const withAnyone = client.existingRelationshipWithCompany || client.existingRelationshipWithDistributor;
  return wanted ? withOwner : withAnyone;
}

/** Volumes in different currencies cannot be compared without a rate: refusing beats guessing an owner. */
function atLeast(volume: Money, min: Money, ruleId: string): boolean {
  if (volume.currency !== min.currency) {
    throw new DomainError(
      'POLICY.CURRENCY_MISMATCH',
      'invalid',
      `Rule ${ruleId} compares volumes in ${min.currency}, the client's is in ${volume.currency}`,
      {
        ruleId,
        expected: min.currency,
        actual: volume.currency,
      },
    );
  }
  return volume.minor >= min.minor;
}

/** 'PL' covers 'PL' and its subdivisions 'PL-MZ'…; 'PL-MZ' covers only itself. */
export const territoryCovers = (covering: string, territory: string): boolean =>
  territory === covering || territory.startsWith(`${covering}-`);

/** Whether a territory lies within a policy's territories (a distributor may claim only there). */
export const coversTerritory = (territories: readonly string[], territory: string): boolean =>
  territories.some((t) => territoryCovers(t, territory));

/**
 * The relationship flags of `ClientProfile` are judged against the date the policy FIRST came into
 * force (`PolicyState.firstEffectiveFrom`): an amendment does not turn an existing client into a new one.
 */
export const hadRelationshipBefore = (since: Date | string | undefined, policyEffectiveFrom: Date | string): boolean =>
  since !== undefined && toMillis(since) < toMillis(policyEffectiveFrom);
