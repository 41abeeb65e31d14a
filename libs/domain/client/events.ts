/**
 * Facts of a client's life, one stream per client (`client-<clientId>`): registration, who owns it
 * and why, hand-over requests, contests that opened disputes, and the interactions either side logs.
 * Every ownership change is an event here, so "who owned it on date D" is a fold of this stream.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Side } from '../shared/sides';
import type { Money, Party } from '../policy/terms';

/** A side's own statement that it dealt with the client since a date (existing vs potential client). */
export interface Relationship {
  side: Side;
  /** ISO date (YYYY-MM-DD). */
  since: string;
}

/** How one policy's division criteria judged the client: the rule that matched and whom it assigns. */
export interface Judgement {
  policyId: string;
  termsVersion: number;
  ruleId: string;
  assignedTo: Party;
}

/**
 * Why a claim succeeded. A distributor's claim carries the judgement of its own policy in force. The
 * company's carries one judgement per distributor policy in force covering the client's territory —
 * none when no distributor's territory covers it (the client is then the company's to claim).
 */
export interface ClaimBasis {
  judgements: Judgement[];
}

export type TransferCause = { kind: 'request'; requestId: string } | { kind: 'owner-initiative' } | { kind: 'dispute'; disputeId: string };

/** What made the current owner the owner: the claim or the transfer, with when. */
export type OwnershipBasis =
  | { kind: 'claim'; basis: ClaimBasis; at: string }
  | { kind: 'transfer'; transferId: string; cause: TransferCause; at: string };

export type ClientRegistered = Event<
  'ClientRegistered',
  {
    clientId: string;
    legalName: string;
    /** Normalised (see `normaliseTaxId`): unique across clients. */
    taxId: string;
    /** ISO 3166 code, as precise as known ('PL-MZ'). */
    territory: string;
    segment: string;
    annualVolume: Money;
    relationships: Relationship[];
    registeredBy: Side;
    registeredAt: string;
  }
>;

export type ClientClaimed = Event<'ClientClaimed', { clientId: string; owner: Side; basis: ClaimBasis; claimedAt: string }>;

/**
 * The division criteria gave the client to the other side: the claim is refused AND recorded, so
 * compliance sees who tried to claim what, when, and the rule that refused it.
 */
export type ClientClaimRefused = Event<'ClientClaimRefused', { clientId: string; claimant: Side; refusedBy: Judgement; refusedAt: string }>;

/** A side claimed a client the other side owns: a dispute is opened with both sides' basis. */
export type ClientClaimContested = Event<
  'ClientClaimContested',
  {
    clientId: string;
    disputeId: string;
    claimant: Side;
    claimantBasis: ClaimBasis;
    owner: Side;
    ownerBasis: OwnershipBasis;
    contestedAt: string;
  }
>;

export type ClientTransferRequested = Event<
  'ClientTransferRequested',
  {
    clientId: string;
    requestId: string;
    from: Side;
    to: Side;
    reason: string;
    /** The policy whose hand-over days apply (the distributor's in force when requested). */
    policyId: string;
    handOverDays: number;
    requestedAt: string;
    /** requestedAt + handOverDays: the owner answers by then, or the request is overdue. */
    dueBy: string;
  }
>;

export type ClientTransferRequestWithdrawn = Event<
  'ClientTransferRequestWithdrawn',
  { clientId: string; requestId: string; reason?: string; withdrawnAt: string }
>;

/** The owner contested a hand-over request: a dispute is opened. */
export type ClientTransferContested = Event<
  'ClientTransferContested',
  { clientId: string; requestId: string; disputeId: string; reason: string; contestedAt: string }
>;

export type ClientTransferred = Event<
  'ClientTransferred',
  { clientId: string; transferId: string; from: Side | null; to: Side; cause: TransferCause; reason?: string; transferredAt: string }
>;

export type ClientReleased = Event<'ClientReleased', { clientId: string; from: Side; reason: string; releasedAt: string }>;

export type ClientInteractionLogged = Event<
  'ClientInteractionLogged',
  { clientId: string; interactionId: string; kind: InteractionKind; summary: string; occurredAt: string; loggedBy: Side; loggedAt: string }
>;

/**
 * A dispute about the client ended (recorded by the dispute-settlement process, never by hand). When it
 * moved ownership, a ClientTransferred with cause `dispute` precedes it in the same append.
 */
export type ClientDisputeSettled = Event<
  'ClientDisputeSettled',
  { clientId: string; disputeId: string; resolution: 'resolved' | 'withdrawn'; ownerAfter: Side | null; settledAt: string }
>;

export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'visit', 'offer', 'complaint', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type ClientEvent =
  | ClientRegistered
  | ClientClaimed
  | ClientClaimRefused
  | ClientClaimContested
  | ClientTransferRequested
  | ClientTransferRequestWithdrawn
  | ClientTransferContested
  | ClientTransferred
  | ClientReleased
  | ClientInteractionLogged
  | ClientDisputeSettled;

export const clientEventSchemas: EventSchemas = {
  ClientRegistered: { version: 1 },
  ClientClaimed: { version: 1 },
  ClientClaimRefused: { version: 1 },
  ClientClaimContested: { version: 1 },
  ClientTransferRequested: { version: 1 },
  ClientTransferRequestWithdrawn: { version: 1 },
  ClientTransferContested: { version: 1 },
  ClientTransferred: { version: 1 },
  ClientReleased: { version: 1 },
  ClientInteractionLogged: { version: 1 },
  ClientDisputeSettled: { version: 1 },
};

export const clientStream = (clientId: string) => `client-${clientId}`;

/**
 * Kept in its own stream per tax id (`client-tax-id-<digest>`), appended only if that stream does not
 * exist yet: the event log itself guarantees one client per tax id, on every event store.
 */
export type ClientTaxIdReserved = Event<'ClientTaxIdReserved', { taxId: string; clientId: string; reservedAt: string }>;
export const clientTaxIdEventSchemas: EventSchemas = { ClientTaxIdReserved: { version: 1 } };
