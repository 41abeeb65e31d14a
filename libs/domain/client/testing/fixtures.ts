/**
 * Actors, sides, policies in force and event builders for client specs (domain and API alike). The
 * sample policy is d-1's for 2026 (territories PL-MZ and PL-MA, 14 hand-over days), in force since
 * 1 January 2026, with the sample division criteria: company-existing → company, distributor-existing
 * → distributor, key accounts from PLN 1 000 000.00 a year → company, otherwise → distributor.
 */
import { ClientErrors } from '../errors';
import { sampleTerms } from '../../policy/testing/sample-terms';
import type { Money } from '../../policy/terms';
import { DomainError } from '../../shared/errors';
import { COMPANY, type Side } from '../../shared/sides';
import { fold, type Decider } from '../../shared/types';
import type { ClaimClient, ClientCommand, PolicyInForce, RegisterClient } from '../commands';
import type { ClaimBasis, ClientEvent, ClientRegistered, Judgement, OwnershipBasis, TransferCause } from '../events';
import type { ClientState } from '../state';

export { asCompany, asCompliance, asDistributor, asSystem, at } from '../../policy/testing/fixtures';
export { COMPANY };

export const CLIENT_ID = 'c-1';
export const D1: Side = { party: 'distributor', distributorId: 'd-1' };
export const D2: Side = { party: 'distributor', distributorId: 'd-2' };
export const distributor = (distributorId: string): Side => ({ party: 'distributor', distributorId });

export const pln = (minor: number): Money => ({ minor, currency: 'PLN' });
/** PLN 1 000 000.00: the sample key-account threshold. */
export const KEY_ACCOUNT_VOLUME = pln(100_000_000);
export const POLICY_START = '2026-01-01T00:00:00.000Z';

/** A distributor's policy in force as a ClaimClient / RequestTransfer command carries it. */
export function policyInForce(distributorId = 'd-1', overrides: Partial<PolicyInForce> = {}): PolicyInForce {
  const terms = sampleTerms();
  return {
    policyId: `${distributorId}-2026`,
    distributorId,
    termsVersion: 1,
    territories: terms.territories,
    divisionCriteria: terms.divisionCriteria,
    handOverDays: terms.handOverDays,
    firstEffectiveFrom: POLICY_START,
    ...overrides,
  };
}

export type Registration = RegisterClient['data'];

/** An industrial client in Mazovia with PLN 500 000.00 a year and no declared relationship. */
export const registration = (overrides: Partial<Registration> = {}): Registration => ({
  clientId: CLIENT_ID,
  legalName: 'Hydro-Tech Sp. z o.o.',
  taxId: 'PL1234563218',
  territory: 'PL-MZ',
  segment: 'industrial',
  annualVolume: pln(50_000_000),
  relationships: [],
  ...overrides,
});

/** A key account above the sample threshold: the sample criteria give it to the company. */
export const keyAccount = (overrides: Partial<Registration> = {}): Registration =>
  registration({ segment: 'key-account', annualVolume: KEY_ACCOUNT_VOLUME, ...overrides });

export const registered = (
  by: Side = D1,
  overrides: Partial<Registration> = {},
  registeredAt = '2026-02-01T09:00:00.000Z',
): ClientRegistered => ({
  type: 'ClientRegistered',
  data: { ...registration(overrides), registeredBy: by, registeredAt },
});

export const judgement = (ruleId: string, assignedTo: Judgement['assignedTo'], policy = policyInForce()): Judgement => ({
  policyId: policy.policyId,
  termsVersion: policy.termsVersion,
  ruleId,
  assignedTo,
});

export const claimed = (owner: Side, judgements: Judgement[], claimedAt = '2026-02-02T09:00:00.000Z'): ClientEvent => ({
  type: 'ClientClaimed',
  data: { clientId: CLIENT_ID, owner, basis: { judgements }, claimedAt },
});

/** d-1 claimed the sample client under the default rule of its policy. */
export const claimedByD1 = (claimedAt = '2026-02-02T09:00:00.000Z'): ClientEvent =>
  claimed(D1, [judgement('default', 'distributor')], claimedAt);

export const claimContested = (
  claimant: Side,
  claimantBasis: ClaimBasis,
  owner: Side,
  ownerBasis: OwnershipBasis,
  disputeId = 'disp-1',
  contestedAt = '2026-02-03T09:00:00.000Z',
): ClientEvent => ({
  type: 'ClientClaimContested',
  data: { clientId: CLIENT_ID, disputeId, claimant, claimantBasis, owner, ownerBasis, contestedAt },
});

export const transferRequested = (from: Side, to: Side, requestId = 'req-1', requestedAt = '2026-03-01T09:00:00.000Z'): ClientEvent => ({
  type: 'ClientTransferRequested',
  data: {
    clientId: CLIENT_ID,
    requestId,
    from,
    to,
    reason: 'The client asked us for an offer',
    policyId: 'd-1-2026',
    handOverDays: 14,
    requestedAt,
    dueBy: new Date(Date.parse(requestedAt) + 14 * 24 * 3600 * 1000).toISOString(),
  },
});

export const transferContested = (requestId = 'req-1', disputeId = 'disp-2', contestedAt = '2026-03-02T09:00:00.000Z'): ClientEvent => ({
  type: 'ClientTransferContested',
  data: { clientId: CLIENT_ID, requestId, disputeId, reason: 'We serve this client weekly', contestedAt },
});

export const transferred = (
  from: Side | null,
  to: Side,
  cause: TransferCause,
  transferredAt = '2026-03-05T09:00:00.000Z',
  transferId = 'tr-1',
): ClientEvent => ({
  type: 'ClientTransferred',
  data: { clientId: CLIENT_ID, transferId, from, to, cause, transferredAt },
});

export const released = (from: Side, releasedAt = '2026-04-01T09:00:00.000Z'): ClientEvent => ({
  type: 'ClientReleased',
  data: { clientId: CLIENT_ID, from, reason: 'No longer active in the segment', releasedAt },
});

export const disputeSettled = (
  disputeId: string,
  ownerAfter: Side | null,
  settledAt = '2026-03-10T09:00:00.000Z',
  resolution: 'resolved' | 'withdrawn' = 'resolved',
): ClientEvent => ({
  type: 'ClientDisputeSettled',
  data: { clientId: CLIENT_ID, disputeId, resolution, ownerAfter, settledAt },
});

export const claim = (ctx: ClientCommand['context'], policies: PolicyInForce[] = [policyInForce()], disputeId = 'disp-1'): ClaimClient => ({
  type: 'ClaimClient',
  data: { clientId: CLIENT_ID, policies, disputeId },
  context: ctx,
});

/** The refusal the decider throws for `command` after `given`, to assert its kind and details. */
export function refusalOf(
  decider: Decider<ClientState, ClientCommand, ClientEvent>,
  given: ClientEvent[],
  command: ClientCommand,
): DomainError {
  let events: ClientEvent[];
  try {
    events = decider.decide(command, fold(decider, given));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  // A criteria refusal is recorded, not thrown: it is the error the API answers with that event.
  const [refused] = events;
  if (events.length === 1 && refused.type === 'ClientClaimRefused') return ClientErrors.assignedToOtherParty(refused.data.refusedBy);
  throw new Error(`${command.type} was not refused`);
}
