/** Guards shared by the policy's command handlers: each either passes or throws a stable refusal. */
import type { Actor } from '../shared/types';
import { assertNever } from '../shared/types';
import { yearEnd } from './calendar';
import { PolicyErrors } from './errors';
import type { TermsBounds } from './validate-commercial';
import { validateTerms } from './validate-terms';
import { isPolicy, type Policy, type PolicyState } from './state';
import type { Party } from './terms';

export function existing(state: PolicyState, policyId: string): Policy {
  if (!isPolicy(state)) throw PolicyErrors.notFound(policyId);
  return state;
}

/**
 * The party an actor acts for on this policy: the company, or the policy's own distributor. A
 * distributor token for another distributor, compliance (read-only) and the system never sign.
 */
export function policyParty(actor: Actor, policy: Policy, action: string): Party {
  if (actor.party === 'company') return 'company';
  if (actor.party === 'distributor' && actor.distributorId === policy.distributorId) return 'distributor';
  throw PolicyErrors.forbiddenParty(actor.party, action);
}

export function companyOnly(actor: Actor, action: string): void {
  if (actor.party !== 'company') throw PolicyErrors.forbiddenParty(actor.party, action);
}

/** Drafts change and get signed; a policy in force changes only by amendment; an ended one never. */
export function requireDraft(p: Policy): void {
  switch (p.status) {
    case 'draft':
      return;
    case 'in_force':
      throw PolicyErrors.alreadyInForce(p.policyId);
    case 'expired':
    case 'terminated':
      throw PolicyErrors.ended(p.policyId, p.status);
    default:
      return assertNever(p.status);
  }
}

export function requireInForce(p: Policy): void {
  switch (p.status) {
    case 'in_force':
      return;
    case 'draft':
      throw PolicyErrors.notInForce(p.policyId, p.status);
    case 'expired':
    case 'terminated':
      throw PolicyErrors.ended(p.policyId, p.status);
    default:
      return assertNever(p.status);
  }
}

/** Nothing is agreed for a year that is over, even before anyone recorded its expiry. */
export function requireYearOpen(policyId: string, year: number, now: Date): void {
  if (now.getTime() >= Date.parse(yearEnd(year))) throw PolicyErrors.yearEnded(policyId, year);
}

export function requireValidTerms(terms: unknown, year: number, bounds: TermsBounds): void {
  const errors = validateTerms(terms, year, bounds);
  if (errors.length > 0) throw PolicyErrors.invalidTerms(errors);
}

/** A non-blank string field of a command (a hash, a reason). */
export function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw PolicyErrors.invalidCommand([{ field, message: 'must be a non-empty string' }]);
  return value;
}

/** The latest of several ISO instants, as an ISO instant. */
export const latest = (...instants: (string | undefined)[]): string =>
  new Date(Math.max(...instants.filter((i): i is string => i !== undefined).map((i) => Date.parse(i)))).toISOString();

export const otherParty = (party: Party): Party => (party === 'company' ? 'distributor' : 'company');
