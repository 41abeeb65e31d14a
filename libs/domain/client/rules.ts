/** Guards shared by the client's command handlers: each either passes or throws a stable refusal. */
import { at, isObj, text, type Errors } from '../policy/field-checks';
import { sameSide, sideOf, type Side } from '../shared/sides';
import type { Actor } from '../shared/types';
import { ClientErrors } from './errors';
import { isRegistered, type Client, type ClientState, type TransferRequest } from './state';

export const MAX_REASON = 1000;

/**
 * The side an actor acts for. Compliance only reads, and the system only records what the dispute
 * process settled (see `systemOnly`): neither is a side, so neither claims, hands over or logs.
 */
export function actingSide(actor: Actor, action: string): Side {
  const side = actor.party === 'compliance' || actor.party === 'system' ? undefined : sideOf(actor);
  if (!side) throw ClientErrors.forbiddenParty(actor.party, action);
  return side;
}

export function systemOnly(actor: Actor, action: string): void {
  if (actor.party !== 'system') throw ClientErrors.forbiddenParty(actor.party, action);
}

export function registeredClient(state: ClientState, clientId: string): Client {
  if (!isRegistered(state)) throw ClientErrors.notFound(clientId);
  return state;
}

/** The owner, when `side` is it; NOT_OWNER (also for a client no one owns) otherwise. */
export function requireOwner(client: Client, side: Side, action: string): Side {
  if (!client.owner || !sameSide(client.owner, side)) throw ClientErrors.notOwner(side, action);
  return client.owner;
}

export function existingRequest(client: Client, requestId: string): TransferRequest {
  const request = client.transferRequests[requestId];
  if (!request) throw ClientErrors.transferRequestNotFound(requestId);
  return request;
}

export function requirePending(request: TransferRequest): void {
  if (request.status !== 'pending') throw ClientErrors.transferRequestNotPending(request.requestId, request.status);
}

/** Refuses the command with every field error found, or passes when there is none. */
export function requireNoErrors(errors: Errors): void {
  if (errors.length > 0) throw ClientErrors.invalidCommand(errors);
}

/** A non-blank reason of at most 1000 characters. */
export const validReason = (out: Errors, v: unknown, field = 'reason'): v is string => text(out, field, v, MAX_REASON);

export function requireReason(value: unknown, field = 'reason'): string {
  const errors: Errors = [];
  if (!validReason(errors, value, field)) throw ClientErrors.invalidCommand(errors);
  return value;
}

/**
 * A side written in a command: `{ party: 'company' }` or `{ party: 'distributor', distributorId }`.
 * Rebuilt rather than passed through, so nothing else the caller sent ends up in an event.
 */
export function side(out: Errors, field: string, v: unknown): Side | undefined {
  if (isObj(v) && v.party === 'company') return { party: 'company' };
  if (isObj(v) && v.party === 'distributor' && typeof v.distributorId === 'string' && v.distributorId.trim() !== '') {
    return { party: 'distributor', distributorId: v.distributorId };
  }
  if (isObj(v) && v.party === 'distributor') out.push({ field: at(field, 'distributorId'), message: 'must be a non-empty string' });
  else out.push({ field, message: "must be { party: 'company' } or { party: 'distributor', distributorId }" });
  return undefined;
}
