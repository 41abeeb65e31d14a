/** Guards shared by the dispute's command handlers: each either passes or throws a stable refusal. */
import type { Actor } from '../shared/types';
import { sideOf, type Side } from '../shared/sides';
import { DisputeErrors } from './errors';
import { isDispute, isPartyTo, type Dispute, type DisputeState } from './state';
import type { Errors } from './validate';

export function existing(state: DisputeState, disputeId: string): Dispute {
  if (!isDispute(state)) throw DisputeErrors.notFound(disputeId);
  return state;
}

/** The side the actor acts for, which must be one of the two parties: compliance and the system never are. */
export function partyOf(actor: Actor, dispute: Dispute): Side {
  const side = sideOf(actor);
  if (!side || !isPartyTo(dispute, side)) throw DisputeErrors.notAParty(dispute.disputeId, actor.party);
  return side;
}

/** A resolved or withdrawn dispute is final: nothing more is added to it. */
export function requireOpen(dispute: Dispute): void {
  if (dispute.status !== 'open') throw DisputeErrors.closed(dispute.disputeId, dispute.status);
}

/** Throws every collected field error at once; `value` is then defined. */
export function requireValid<T>(errors: Errors, value: T | undefined): T {
  if (errors.length > 0 || value === undefined) throw DisputeErrors.invalidCommand(errors);
  return value;
}
