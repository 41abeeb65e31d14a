/**
 * Whom a directly opened dispute is against, when the opener does not say: the owner of the client it
 * is about (unless that is the opener), else the company for a distributor. The company must name the
 * distributor of a sale or price dispute, and of a dispute about a client it owns or nobody owns.
 */
import type { DisputeSubject } from '@cl/domain/dispute';
import { COMPANY, sameSide, type Side } from '@cl/domain/shared/sides';
import { ApiProblem } from '../../shared/problem/problem';

export interface CounterpartyQuestion {
  opener: Side;
  subject: DisputeSubject;
  /** For a client subject: its owner now (null when nobody owns it). */
  clientOwner?: Side | null;
  /** What the opener named, if anything. */
  given?: Side;
}

export function counterpartyFor({ opener, subject, clientOwner, given }: CounterpartyQuestion): Side {
  if (given) {
    if (sameSide(given, opener)) throw invalidCounterparty('must be the other side, not your own');
    return given;
  }
  if (subject.kind === 'client' && clientOwner && !sameSide(clientOwner, opener)) return clientOwner;
  if (opener.party === 'distributor') return COMPANY;
  throw counterpartyRequired(requiredBecause(subject, clientOwner));
}

function requiredBecause(subject: DisputeSubject, clientOwner: Side | null | undefined): string {
  if (subject.kind !== 'client') return `required: name the distributor this ${subject.kind} dispute is with`;
  return clientOwner
    ? 'required: you own the client, name the side you dispute it with'
    : 'required: nobody owns the client, name the side you dispute it with';
}

const invalidCounterparty = (message: string) =>
  new ApiProblem(422, 'DISPUTE.INVALID_COUNTERPARTY', `counterparty ${message}`, { errors: [{ field: 'counterparty', message }] });

const counterpartyRequired = (message: string) =>
  new ApiProblem(422, 'DISPUTE.COUNTERPARTY_REQUIRED', 'Name the counterparty of the dispute', {
    errors: [{ field: 'counterparty', message }],
  });

export const unknownDistributor = (distributorId: string) =>
  new ApiProblem(422, 'DISPUTE.UNKNOWN_DISTRIBUTOR', `Distributor ${distributorId} is not registered`, {
    errors: [{ field: 'counterparty.distributorId', message: 'no such distributor' }],
  });
