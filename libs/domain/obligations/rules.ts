/** Guards shared by the obligations commands: each either passes or throws a stable refusal. */
import { parsePolicyId } from '../policy/events';
import { canonicalJson } from '../shared/canonical-json';
import type { Actor } from '../shared/types';
import { ObligationErrors } from './errors';
import type { ObligationActor } from './events';
import type { Obligation } from './obligation';
import type { ObligationsState } from './state';
import { obligationStatus } from './status';

/**
 * The party an actor acts for on this policy: the company, or the policy's own distributor (the policy
 * id names it). Compliance reads and the system derives: neither keeps, judges or waives obligations.
 */
export function actingParty(actor: Actor, policyId: string, action: string): ObligationActor {
  if (actor.party === 'company') return { party: 'company', userId: actor.userId };
  if (
    actor.party === 'distributor' &&
    actor.distributorId !== undefined &&
    actor.distributorId === parsePolicyId(policyId)?.distributorId
  ) {
    return { party: 'distributor', userId: actor.userId };
  }
  throw ObligationErrors.forbiddenParty(actor.party, action);
}

export function findObligation(obligations: readonly Obligation[], obligationId: string): Obligation {
  const o = obligations.find((x) => x.id === obligationId);
  if (!o) throw ObligationErrors.obligationNotFound(obligationId);
  return o;
}

type PeriodicKind = 'report' | 'meeting' | 'payment';

/** The report, meeting or payment obligation of a period; a period the policy does not expect is refused. */
export function expectedFor<K extends PeriodicKind>(
  obligations: readonly Obligation[],
  kind: K,
  period: string,
): Extract<Obligation, { kind: K }> {
  const o = obligations.find((x) => x.kind === kind && x.id === `${kind}:${period}`);
  if (!o) throw ObligationErrors.notExpected(kind, period);
  return o as Extract<Obligation, { kind: K }>;
}

export function requireResponsible(o: Obligation, by: ObligationActor): void {
  if (by.party !== o.responsibleParty) throw ObligationErrors.notResponsible(o.id, o.responsibleParty);
}

export function requireProtected(o: Obligation, by: ObligationActor): void {
  if (by.party !== o.protectedParty) throw ObligationErrors.notProtected(o.id, o.protectedParty);
}

/** Still owed: neither dropped by the terms nor waived. */
export function requireOwed(o: Obligation, state: ObligationsState): void {
  if (o.retired) throw ObligationErrors.retired(o.id, o.retired.from);
  if (state.waivers[o.id]) throw ObligationErrors.waived(o.id);
}

export function requireNotFulfilled(o: Obligation, state: ObligationsState, now: Date): void {
  if (obligationStatus(o, state, now).status === 'fulfilled') throw ObligationErrors.fulfilled(o.id);
}

/** A retried command finds the same facts already recorded. */
export const sameFacts = (a: object, b: object): boolean => canonicalJson(a) === canonicalJson(b);
