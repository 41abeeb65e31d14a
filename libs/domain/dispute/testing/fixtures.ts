/**
 * Contexts, commands and events for dispute specs (domain and API alike). The default dispute is
 * dsp-1: distributor d-1 opened it directly against the company about client cl-1.
 */
import type { ClaimBasis, OwnershipBasis } from '../../client/events';
import { DomainError } from '../../shared/errors';
import { COMPANY, type Side } from '../../shared/sides';
import { fold, type CommandContext } from '../../shared/types';
import type {
  AcceptResolution,
  AddDisputeEvidence,
  AddDisputeNote,
  DecideDispute,
  DisputeCommand,
  OpenDispute,
  ProposeResolution,
  WithdrawDispute,
} from '../commands';
import { disputeDecider } from '../dispute';
import type { DisputeEvent, DisputeOpened, DisputeOrigin, DisputeOutcome, DisputeResolved, DisputeSubject } from '../events';

export const DISPUTE_ID = 'dsp-1';
export const CLIENT_ID = 'cl-1';
export const OPENED_AT = '2026-03-02T09:00:00.000Z';
export const distributor = (distributorId: string): Side => ({ party: 'distributor', distributorId });
export const D1 = distributor('d-1');
export const D2 = distributor('d-2');
export { COMPANY };

export const at = (iso: string) => new Date(iso);
export const asCompany = (now: string): CommandContext => ({ now: at(now), actor: { party: 'company', userId: 'ceo' } });
export const asDistributor = (now: string, distributorId = 'd-1'): CommandContext => ({
  now: at(now),
  actor: { party: 'distributor', userId: `${distributorId}-user`, distributorId },
});
export const asCompliance = (now: string): CommandContext => ({ now: at(now), actor: { party: 'compliance', userId: 'auditor' } });
export const asSystem = (now: string): CommandContext => ({ now: at(now), actor: { party: 'system', userId: 'dispute-process' } });
/** The context of a user acting for `side`. */
export const asSide = (side: Side, now: string): CommandContext =>
  side.party === 'company' ? asCompany(now) : asDistributor(now, side.distributorId);

export const clientSubject = (clientId = CLIENT_ID): DisputeSubject => ({ kind: 'client', clientId });

export const claimBasis = (distributorId = 'd-1'): ClaimBasis => ({
  judgements: [{ policyId: `${distributorId}-2026`, termsVersion: 1, ruleId: 'existing-clients', assignedTo: 'distributor' }],
});
export const ownerBasis = (at = '2026-01-15T10:00:00.000Z'): OwnershipBasis => ({ kind: 'claim', basis: { judgements: [] }, at });

/** d-1 claimed the company's client: the claimant opens. */
export const claimOrigin = (claimant: Side = D1, owner: Side = COMPANY): DisputeOrigin => ({
  kind: 'claim',
  claimant,
  claimantBasis: claimBasis(),
  owner,
  ownerBasis: ownerBasis(),
});

/** d-1 asked for the company's client and the company contested the hand-over: the owner opens. */
export const contestOrigin = (requester: Side = D1, owner: Side = COMPANY): DisputeOrigin => ({
  kind: 'transfer-contest',
  requestId: 'req-1',
  requester,
  owner,
  requestReason: 'the client called our office',
});

export type Opening = Omit<DisputeOpened['data'], 'openedAt'>;

export const opening = (o: Partial<Opening> = {}): Opening => ({
  disputeId: DISPUTE_ID,
  subject: clientSubject(),
  parties: [D1, COMPANY],
  openedBy: D1,
  summary: 'The client has bought from us since 2024',
  origin: { kind: 'direct' },
  ...o,
});

export const openCommand = (context: CommandContext = asDistributor(OPENED_AT), o: Partial<Opening> = {}): OpenDispute => ({
  type: 'OpenDispute',
  data: opening(o),
  context,
});

export const opened = (o: Partial<Opening> = {}, openedAt = OPENED_AT): DisputeOpened => ({
  type: 'DisputeOpened',
  data: { ...opening(o), openedAt },
});

export const noteCommand = (context: CommandContext, text = 'We have invoices from 2024', noteId = 'n-1'): AddDisputeNote => ({
  type: 'AddDisputeNote',
  data: { disputeId: DISPUTE_ID, noteId, text },
  context,
});

export const noteAdded = (by: Side, addedAt: string, text = 'We have invoices from 2024', noteId = 'n-1'): DisputeEvent => ({
  type: 'DisputeNoteAdded',
  data: { disputeId: DISPUTE_ID, noteId, by, text, addedAt },
});

export interface EvidenceFields {
  evidenceId?: string;
  reference?: string;
  description?: string;
}

const evidenceFields = (e: EvidenceFields) => ({
  evidenceId: e.evidenceId ?? 'ev-1',
  reference: e.reference ?? 'dms://invoices/2024/0042',
  description: e.description ?? 'Invoice of March 2024',
});

export const evidenceCommand = (context: CommandContext, e: EvidenceFields = {}): AddDisputeEvidence => ({
  type: 'AddDisputeEvidence',
  data: { disputeId: DISPUTE_ID, ...evidenceFields(e) },
  context,
});

export const evidenceAdded = (by: Side, addedAt: string, e: EvidenceFields = {}): DisputeEvent => ({
  type: 'DisputeEvidenceAdded',
  data: { disputeId: DISPUTE_ID, ...evidenceFields(e), by, addedAt },
});

export const outcome = (decision = 'The client stays with the company', clientOwner?: Side): DisputeOutcome =>
  clientOwner ? { decision, clientOwner } : { decision };

export const proposeCommand = (context: CommandContext, o: DisputeOutcome = outcome()): ProposeResolution => ({
  type: 'ProposeResolution',
  data: { disputeId: DISPUTE_ID, outcome: o },
  context,
});

export const proposed = (proposalNo: number, by: Side, proposedAt: string, o: DisputeOutcome = outcome()): DisputeEvent => ({
  type: 'DisputeResolutionProposed',
  data: { disputeId: DISPUTE_ID, proposalNo, by, outcome: o, proposedAt },
});

export const acceptCommand = (context: CommandContext, proposalNo: number): AcceptResolution => ({
  type: 'AcceptResolution',
  data: { disputeId: DISPUTE_ID, proposalNo },
  context,
});

export interface Agreement {
  proposalNo: number;
  proposedBy: Side;
  agreedBy: Side;
  outcome?: DisputeOutcome;
  subject?: DisputeSubject;
}

export const resolvedByAgreement = (a: Agreement, resolvedAt: string): DisputeResolved => ({
  type: 'DisputeResolved',
  data: {
    disputeId: DISPUTE_ID,
    subject: a.subject ?? clientSubject(),
    by: { kind: 'agreement', proposalNo: a.proposalNo, proposedBy: a.proposedBy, agreedBy: a.agreedBy },
    outcome: a.outcome ?? outcome(),
    resolvedAt,
  },
});

export const decideCommand = (context: CommandContext, o: DisputeOutcome = outcome()): DecideDispute => ({
  type: 'DecideDispute',
  data: { disputeId: DISPUTE_ID, outcome: o },
  context,
});

export const resolvedByCompliance = (resolvedAt: string, o: DisputeOutcome = outcome(), subject = clientSubject()): DisputeResolved => ({
  type: 'DisputeResolved',
  data: { disputeId: DISPUTE_ID, subject, by: { kind: 'compliance', userId: 'auditor' }, outcome: o, resolvedAt },
});

export const withdrawCommand = (context: CommandContext, reason = 'Settled by phone'): WithdrawDispute => ({
  type: 'WithdrawDispute',
  data: { disputeId: DISPUTE_ID, reason },
  context,
});

export const withdrawn = (withdrawnAt: string, by: Side = D1, reason = 'Settled by phone', subject = clientSubject()): DisputeEvent => ({
  type: 'DisputeWithdrawn',
  data: { disputeId: DISPUTE_ID, subject, by, reason, withdrawnAt },
});

/** The refusal `command` meets after `given`, to check its kind and details (deciderSpec checks the code). */
export function refusalOf(given: DisputeEvent[], command: DisputeCommand): DomainError {
  try {
    disputeDecider.decide(command, fold(disputeDecider, given));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${command.type} was not refused`);
}
