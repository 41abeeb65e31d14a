/** What can be asked of a dispute. Ids are generated outside the domain. */
import type { Command } from '../shared/types';
import type { Side } from '../shared/sides';
import type { DisputeOrigin, DisputeOutcome, DisputeSubject } from './events';

/**
 * Opened directly by a side (actor = that side), or by the dispute-opening process (actor: system)
 * for a contested claim or hand-over, in which case `openedBy` is the claimant / the contesting owner.
 */
export type OpenDispute = Command<
  'OpenDispute',
  { disputeId: string; subject: DisputeSubject; parties: [Side, Side]; openedBy: Side; summary: string; origin: DisputeOrigin }
>;
export type AddDisputeNote = Command<'AddDisputeNote', { disputeId: string; noteId: string; text: string }>;
export type AddDisputeEvidence = Command<'AddDisputeEvidence', { disputeId: string; evidenceId: string; reference: string; description: string }>;
export type ProposeResolution = Command<'ProposeResolution', { disputeId: string; outcome: DisputeOutcome }>;
export type AcceptResolution = Command<'AcceptResolution', { disputeId: string; proposalNo: number }>;
/** Compliance decides; no side may. */
export type DecideDispute = Command<'DecideDispute', { disputeId: string; outcome: DisputeOutcome }>;
export type WithdrawDispute = Command<'WithdrawDispute', { disputeId: string; reason: string }>;

export type DisputeCommand = OpenDispute | AddDisputeNote | AddDisputeEvidence | ProposeResolution | AcceptResolution | DecideDispute | WithdrawDispute;
