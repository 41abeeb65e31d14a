/**
 * What can be asked of a client. Ids (client, request, dispute, transfer, interaction) are generated
 * outside the domain and passed in; so are the policies in force at the command's instant, which the
 * handler reads from their streams.
 */
import type { Command } from '../shared/types';
import type { Side } from '../shared/sides';
import type { DivisionCriteria, Money } from '../policy/terms';
import type { InteractionKind, Relationship } from './events';

/** The terms of one distributor's policy in force at the command's instant that client rules read. */
export interface PolicyInForce {
  policyId: string;
  distributorId: string;
  termsVersion: number;
  territories: string[];
  divisionCriteria: DivisionCriteria;
  handOverDays: number;
  /** When the policy first took effect: "existing relationship" means one that began before this. */
  firstEffectiveFrom: string;
}

export type RegisterClient = Command<
  'RegisterClient',
  { clientId: string; legalName: string; taxId: string; territory: string; segment: string; annualVolume: Money; relationships: Relationship[] }
>;

/**
 * `policies`: for a distributor, its own policy in force (absent: none in force); for the company,
 * every distributor policy in force whose territories cover the client. `disputeId` is used only when
 * the claim contests the other side's ownership.
 */
export type ClaimClient = Command<'ClaimClient', { clientId: string; policies: PolicyInForce[]; disputeId: string }>;

/** `policy`: the policy whose hand-over days apply; the handler picks the distributor's in force. */
export type RequestTransfer = Command<'RequestTransfer', { clientId: string; requestId: string; reason: string; policy: PolicyInForce | null }>;
export type AcceptTransfer = Command<'AcceptTransfer', { clientId: string; requestId: string; transferId: string }>;
export type ContestTransfer = Command<'ContestTransfer', { clientId: string; requestId: string; disputeId: string; reason: string }>;
export type WithdrawTransferRequest = Command<'WithdrawTransferRequest', { clientId: string; requestId: string; reason?: string }>;
export type HandOverClient = Command<'HandOverClient', { clientId: string; transferId: string; to: Side; reason: string }>;
export type ReleaseClient = Command<'ReleaseClient', { clientId: string; reason: string }>;
export type LogInteraction = Command<
  'LogInteraction',
  { clientId: string; interactionId: string; kind: InteractionKind; summary: string; occurredAt: string }
>;
/** Issued only by the dispute-settlement process (actor: system) when a dispute about the client ends. */
export type SettleClientDispute = Command<
  'SettleClientDispute',
  { clientId: string; disputeId: string; resolution: 'resolved' | 'withdrawn'; clientOwner?: Side; transferId: string }
>;

export type ClientCommand =
  | RegisterClient
  | ClaimClient
  | RequestTransfer
  | AcceptTransfer
  | ContestTransfer
  | WithdrawTransferRequest
  | HandOverClient
  | ReleaseClient
  | LogInteraction
  | SettleClientDispute;
