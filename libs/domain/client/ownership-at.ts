/**
 * "Who owned this client on date D, and why?" — answered from the client's events alone, so the
 * answer for a past instant never changes when the read models are rebuilt.
 */
import { toMillis } from '../policy/calendar';
import type { Side } from '../shared/sides';
import { assertNever } from '../shared/types';
import { ClientErrors } from './errors';
import type { ClientEvent, OwnershipBasis } from './events';
import { evolveClient, initialClientState, isRegistered } from './state';

export interface Ownership {
  owner: Side | null;
  basis: OwnershipBasis | null;
}

/** A client event as read from the stream, alone or in its envelope. */
export type RecordedClientEvent = ClientEvent | { event: ClientEvent; recordedAt?: string };

/** The instant the fact itself names (not when it was stored, which a migration could change). */
export function eventInstant(event: ClientEvent): string {
  switch (event.type) {
    case 'ClientRegistered':
      return event.data.registeredAt;
    case 'ClientClaimed':
      return event.data.claimedAt;
    case 'ClientClaimRefused':
      return event.data.refusedAt;
    case 'ClientClaimContested':
    case 'ClientTransferContested':
      return event.data.contestedAt;
    case 'ClientTransferRequested':
      return event.data.requestedAt;
    case 'ClientTransferRequestWithdrawn':
      return event.data.withdrawnAt;
    case 'ClientTransferred':
      return event.data.transferredAt;
    case 'ClientReleased':
      return event.data.releasedAt;
    case 'ClientInteractionLogged':
      return event.data.loggedAt;
    case 'ClientDisputeSettled':
      return event.data.settledAt;
    default:
      return assertNever(event);
  }
}

/**
 * The owner at `at` (inclusive: a claim at exactly that instant counts) and the claim or transfer that
 * made it so. `at` is a Date, an ISO instant with an offset, or a date read as 00:00 UTC.
 */
export function ownershipAt(events: readonly RecordedClientEvent[], at: string | Date): Ownership {
  const limit = toMillis(at);
  if (Number.isNaN(limit))
    throw ClientErrors.invalidCommand([{ field: 'asOf', message: 'must be an ISO instant with an offset or a date' }]);
  const state = events
    .map((e) => ('event' in e ? e.event : e))
    .filter((e) => Date.parse(eventInstant(e)) <= limit)
    .reduce(evolveClient, initialClientState());
  return isRegistered(state) ? { owner: state.owner, basis: state.ownershipBasis } : { owner: null, basis: null };
}
