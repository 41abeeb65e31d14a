/** The state of one dispute, folded from its events, and the helpers the API and projections read. */
import { assertNever } from '../shared/types';
import { sameSide, sideKey, type Side } from '../shared/sides';
import type { DisputeEvent, DisputeOpened, DisputeOrigin, DisputeOutcome, DisputeResolvedBy, DisputeSubject } from './events';

export type DisputeStatus = 'open' | 'resolved' | 'withdrawn';

export interface DisputeNote {
  noteId: string;
  by: Side;
  text: string;
  addedAt: string;
}

export interface DisputeEvidence {
  evidenceId: string;
  by: Side;
  reference: string;
  description: string;
  addedAt: string;
}

/**
 * `superseded`: a later proposal replaced it while the dispute was open; `lapsed`: the dispute ended
 * some other way (compliance decided, or it was withdrawn) while it was still open.
 */
export type ProposalStatus = 'open' | 'superseded' | 'accepted' | 'lapsed';

export interface DisputeProposal {
  proposalNo: number;
  by: Side;
  outcome: DisputeOutcome;
  proposedAt: string;
  status: ProposalStatus;
}

export interface DisputeResolution {
  by: DisputeResolvedBy;
  outcome: DisputeOutcome;
  resolvedAt: string;
}

export interface DisputeWithdrawal {
  by: Side;
  reason: string;
  withdrawnAt: string;
}

export interface Dispute {
  status: DisputeStatus;
  disputeId: string;
  subject: DisputeSubject;
  parties: [Side, Side];
  openedBy: Side;
  summary: string;
  origin: DisputeOrigin;
  openedAt: string;
  notes: DisputeNote[];
  evidence: DisputeEvidence[];
  /** Every proposal ever made, in order: proposalNo is its position + 1. */
  proposals: DisputeProposal[];
  resolution?: DisputeResolution;
  withdrawal?: DisputeWithdrawal;
}

export type DisputeState = { status: 'none' } | Dispute;

export const initialDisputeState = (): DisputeState => ({ status: 'none' });

export const isDispute = (state: DisputeState): state is Dispute => state.status !== 'none';

export function evolveDispute(state: DisputeState, event: DisputeEvent): DisputeState {
  if (event.type === 'DisputeOpened') return opened(event.data);
  if (!isDispute(state)) return state; // a stream must start with DisputeOpened; anything else is ignored
  switch (event.type) {
    case 'DisputeNoteAdded': {
      const { noteId, by, text, addedAt } = event.data;
      return { ...state, notes: [...state.notes, { noteId, by, text, addedAt }] };
    }
    case 'DisputeEvidenceAdded': {
      const { evidenceId, by, reference, description, addedAt } = event.data;
      return { ...state, evidence: [...state.evidence, { evidenceId, by, reference, description, addedAt }] };
    }
    case 'DisputeResolutionProposed': {
      const { proposalNo, by, outcome, proposedAt } = event.data;
      const earlier = state.proposals.map((p) => (p.status === 'open' ? { ...p, status: 'superseded' as const } : p));
      return { ...state, proposals: [...earlier, { proposalNo, by, outcome, proposedAt, status: 'open' }] };
    }
    case 'DisputeResolved': {
      const { by, outcome, resolvedAt } = event.data;
      const accepted = by.kind === 'agreement' ? by.proposalNo : undefined;
      const proposals = state.proposals.map((p) => closeProposal(p, accepted));
      return { ...state, status: 'resolved', proposals, resolution: { by, outcome, resolvedAt } };
    }
    case 'DisputeWithdrawn': {
      const { by, reason, withdrawnAt } = event.data;
      const proposals = state.proposals.map((p) => closeProposal(p, undefined));
      return { ...state, status: 'withdrawn', proposals, withdrawal: { by, reason, withdrawnAt } };
    }
    default:
      return assertNever(event);
  }
}

function opened(d: DisputeOpened['data']): Dispute {
  const { disputeId, subject, parties, openedBy, summary, origin, openedAt } = d;
  return { status: 'open', disputeId, subject, parties, openedBy, summary, origin, openedAt, notes: [], evidence: [], proposals: [] };
}

function closeProposal(p: DisputeProposal, acceptedNo: number | undefined): DisputeProposal {
  if (p.proposalNo === acceptedNo) return { ...p, status: 'accepted' };
  return p.status === 'open' ? { ...p, status: 'lapsed' } : p;
}

/** Whether `side` is one of the two parties of the dispute (false before it is opened). */
export const isPartyTo = (state: DisputeState, side: Side | null | undefined): boolean =>
  isDispute(state) && state.parties.some((party) => sameSide(party, side));

/** The two parties' keys ('company', 'distributor:<id>'), e.g. to index a read model by who may see it. */
export const disputeParties = (event: DisputeOpened): [string, string] => [sideKey(event.data.parties[0]), sideKey(event.data.parties[1])];

/** The party facing `side` in the dispute. */
export const otherParty = (dispute: Dispute, side: Side): Side =>
  sameSide(dispute.parties[0], side) ? dispute.parties[1] : dispute.parties[0];

export const latestProposal = (dispute: Dispute): DisputeProposal | undefined => dispute.proposals[dispute.proposals.length - 1];

/** The proposal that may still be accepted, if any: only the latest, and only while the dispute is open. */
export const openProposal = (dispute: Dispute): DisputeProposal | undefined => dispute.proposals.find((p) => p.status === 'open');
