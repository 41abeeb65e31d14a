/**
 * Event builders for the client and dispute read-model specs: client c-1 in PL-MZ, between the company
 * and distributors d-1 and d-2, each event delivered with the actor who caused it.
 */
import { clientStream, type ClaimBasis, type ClientEvent, type OwnershipBasis, type TransferCause } from '@cl/domain/client/events';
import { disputeStream, type DisputeEvent, type DisputeOrigin, type DisputeOutcome, type DisputeSubject } from '@cl/domain/dispute/events';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import type { ProjectedEvent } from '../../projection';
import { asProjected } from '../../testing/project-events';

export const CLIENT_ID = 'c-1';
export { COMPANY };
export const D1: Side = { party: 'distributor', distributorId: 'd-1' };
export const D2: Side = { party: 'distributor', distributorId: 'd-2' };

export const JAN: Actor = { party: 'distributor', userId: 'jan', distributorId: 'd-1' };
export const EWA: Actor = { party: 'distributor', userId: 'ewa', distributorId: 'd-2' };
export const CEO: Actor = { party: 'company', userId: 'ceo' };
export const AUDITOR: Actor = { party: 'compliance', userId: 'auditor' };
export const PROCESS: Actor = { party: 'system', userId: 'dispute-process' };

export const basisOf = (distributorId: string, assignedTo: 'company' | 'distributor'): ClaimBasis => ({
  judgements: [{ policyId: `${distributorId}-2026`, termsVersion: 1, ruleId: 'r-territory', assignedTo }],
});

type Client<T extends ClientEvent['type']> = Extract<ClientEvent, { type: T }>;

export const registered = (clientId = CLIENT_ID, territory = 'PL-MZ', registeredBy: Side = D1): Client<'ClientRegistered'> => ({
  type: 'ClientRegistered',
  data: {
    clientId,
    legalName: `Client ${clientId} Sp. z o.o.`,
    taxId: `PL${clientId}`,
    territory,
    segment: 'retail',
    annualVolume: { minor: 12_000_000, currency: 'PLN' },
    relationships: [{ side: registeredBy, since: '2024-05-01' }],
    registeredBy,
    registeredAt: '2026-01-10T09:00:00.000Z',
  },
});

export const claimed = (owner: Side, claimedAt: string, clientId = CLIENT_ID): Client<'ClientClaimed'> => ({
  type: 'ClientClaimed',
  data: { clientId, owner, basis: basisOf('d-1', owner.party), claimedAt },
});

export const claimContested = (d: {
  disputeId: string;
  claimant: Side;
  owner: Side;
  ownerBasis: OwnershipBasis;
  at: string;
}): Client<'ClientClaimContested'> => ({
  type: 'ClientClaimContested',
  data: {
    clientId: CLIENT_ID,
    disputeId: d.disputeId,
    claimant: d.claimant,
    claimantBasis: basisOf('d-1', d.claimant.party),
    owner: d.owner,
    ownerBasis: d.ownerBasis,
    contestedAt: d.at,
  },
});

/** A request answered within 14 days. */
export const transferRequested = (requestId: string, from: Side, to: Side, requestedAt: string): Client<'ClientTransferRequested'> => ({
  type: 'ClientTransferRequested',
  data: {
    clientId: CLIENT_ID,
    requestId,
    from,
    to,
    reason: 'the client called us',
    policyId: 'd-1-2026',
    handOverDays: 14,
    requestedAt,
    dueBy: new Date(Date.parse(requestedAt) + 14 * 86_400_000).toISOString(),
  },
});

export const requestWithdrawn = (requestId: string, withdrawnAt: string): Client<'ClientTransferRequestWithdrawn'> => ({
  type: 'ClientTransferRequestWithdrawn',
  data: { clientId: CLIENT_ID, requestId, reason: 'asked by mistake', withdrawnAt },
});

export const transferContested = (requestId: string, disputeId: string, contestedAt: string): Client<'ClientTransferContested'> => ({
  type: 'ClientTransferContested',
  data: { clientId: CLIENT_ID, requestId, disputeId, reason: 'we serve them weekly', contestedAt },
});

export const transferred = (
  transferId: string,
  from: Side | null,
  to: Side,
  cause: TransferCause,
  transferredAt: string,
): Client<'ClientTransferred'> => ({
  type: 'ClientTransferred',
  data: { clientId: CLIENT_ID, transferId, from, to, cause, transferredAt },
});

export const released = (from: Side, releasedAt: string): Client<'ClientReleased'> => ({
  type: 'ClientReleased',
  data: { clientId: CLIENT_ID, from, reason: 'no longer active in the region', releasedAt },
});

export const interaction = (
  interactionId: string,
  loggedBy: Side,
  occurredAt: string,
  loggedAt: string,
): Client<'ClientInteractionLogged'> => ({
  type: 'ClientInteractionLogged',
  data: { clientId: CLIENT_ID, interactionId, kind: 'call', summary: 'asked for the spring price list', occurredAt, loggedBy, loggedAt },
});

export const disputeSettled = (
  disputeId: string,
  resolution: 'resolved' | 'withdrawn',
  ownerAfter: Side | null,
  settledAt: string,
): Client<'ClientDisputeSettled'> => ({
  type: 'ClientDisputeSettled',
  data: { clientId: CLIENT_ID, disputeId, resolution, ownerAfter, settledAt },
});

type Dispute<T extends DisputeEvent['type']> = Extract<DisputeEvent, { type: T }>;

export const aboutClient: DisputeSubject = { kind: 'client', clientId: CLIENT_ID };

export const disputeOpened = (d: {
  disputeId: string;
  parties: [Side, Side];
  openedBy: Side;
  origin: DisputeOrigin;
  at: string;
  subject?: DisputeSubject;
}): Dispute<'DisputeOpened'> => ({
  type: 'DisputeOpened',
  data: {
    disputeId: d.disputeId,
    subject: d.subject ?? aboutClient,
    parties: d.parties,
    openedBy: d.openedBy,
    summary: 'who serves c-1',
    origin: d.origin,
    openedAt: d.at,
  },
});

export const noteAdded = (disputeId: string, noteId: string, by: Side, addedAt: string): Dispute<'DisputeNoteAdded'> => ({
  type: 'DisputeNoteAdded',
  data: { disputeId, noteId, by, text: 'see the visit reports', addedAt },
});

export const evidenceAdded = (disputeId: string, evidenceId: string, by: Side, addedAt: string): Dispute<'DisputeEvidenceAdded'> => ({
  type: 'DisputeEvidenceAdded',
  data: { disputeId, evidenceId, by, reference: 'doc://visits/2026-02.pdf', description: 'visit reports', addedAt },
});

export const proposed = (
  disputeId: string,
  proposalNo: number,
  by: Side,
  outcome: DisputeOutcome,
  proposedAt: string,
): Dispute<'DisputeResolutionProposed'> => ({
  type: 'DisputeResolutionProposed',
  data: { disputeId, proposalNo, by, outcome, proposedAt },
});

export const resolvedByAgreement = (
  disputeId: string,
  proposal: { proposalNo: number; proposedBy: Side; agreedBy: Side; outcome: DisputeOutcome },
  resolvedAt: string,
  subject: DisputeSubject = aboutClient,
): Dispute<'DisputeResolved'> => ({
  type: 'DisputeResolved',
  data: {
    disputeId,
    subject,
    by: { kind: 'agreement', proposalNo: proposal.proposalNo, proposedBy: proposal.proposedBy, agreedBy: proposal.agreedBy },
    outcome: proposal.outcome,
    resolvedAt,
  },
});

export const decided = (
  disputeId: string,
  outcome: DisputeOutcome,
  resolvedAt: string,
  subject: DisputeSubject = aboutClient,
): Dispute<'DisputeResolved'> => ({
  type: 'DisputeResolved',
  data: { disputeId, subject, by: { kind: 'compliance', userId: 'auditor' }, outcome, resolvedAt },
});

export const disputeWithdrawn = (
  disputeId: string,
  by: Side,
  withdrawnAt: string,
  subject: DisputeSubject = aboutClient,
): Dispute<'DisputeWithdrawn'> => ({
  type: 'DisputeWithdrawn',
  data: { disputeId, subject, by, reason: 'settled between us', withdrawnAt },
});

export interface Delivered {
  stream: string;
  event: ClientEvent | DisputeEvent;
  actor: Actor;
}

export const onClient = (event: ClientEvent, actor: Actor): Delivered => ({ stream: clientStream(event.data.clientId), event, actor });
export const onDispute = (event: DisputeEvent, actor: Actor): Delivered => ({ stream: disputeStream(event.data.disputeId), event, actor });

/** As the projector delivers them, each with its own actor. */
export function delivered(events: Delivered[]): ProjectedEvent[] {
  return asProjected(events).map((e, i) => ({ ...e, metadata: { ...e.metadata, actor: events[i].actor } }));
}

const claimedAt = '2026-01-10T10:00:00.000Z';

/**
 * A spring of c-1: d-1 registers and claims it; the company's claim is contested and compliance lets
 * d-1 keep it; d-1 accepts the company's hand-over request (d-2's, still pending, is superseded);
 * d-1 asks for it back, the company contests, and both agree on d-1's proposal, which moves it back.
 */
export const contestedSpring = (): Delivered[] => [
  onClient(registered(), JAN),
  onClient(claimed(D1, claimedAt), JAN),
  onClient(interaction('i-1', D1, '2026-02-03T10:00:00.000Z', '2026-02-03T12:00:00.000Z'), JAN),
  onClient(interaction('i-2', COMPANY, '2026-02-01T10:00:00.000Z', '2026-02-05T08:00:00.000Z'), CEO),
  onClient(
    claimContested({
      disputeId: 'dsp-1',
      claimant: COMPANY,
      owner: D1,
      ownerBasis: { kind: 'claim', basis: basisOf('d-1', 'distributor'), at: claimedAt },
      at: '2026-02-10T09:00:00.000Z',
    }),
    CEO,
  ),
  onDispute(
    disputeOpened({
      disputeId: 'dsp-1',
      parties: [COMPANY, D1],
      openedBy: COMPANY,
      origin: {
        kind: 'claim',
        claimant: COMPANY,
        claimantBasis: basisOf('d-1', 'company'),
        owner: D1,
        ownerBasis: { kind: 'claim', basis: basisOf('d-1', 'distributor'), at: claimedAt },
      },
      at: '2026-02-10T09:00:01.000Z',
    }),
    PROCESS,
  ),
  onDispute(noteAdded('dsp-1', 'n-1', D1, '2026-02-11T09:00:00.000Z'), JAN),
  onDispute(evidenceAdded('dsp-1', 'ev-1', D1, '2026-02-11T09:05:00.000Z'), JAN),
  onClient(transferRequested('r-1', D1, COMPANY, '2026-02-15T09:00:00.000Z'), CEO),
  onClient(transferRequested('r-2', D1, D2, '2026-02-16T09:00:00.000Z'), EWA),
  onDispute(decided('dsp-1', { decision: 'd-1 keeps c-1', clientOwner: D1 }, '2026-02-20T09:00:00.000Z'), AUDITOR),
  onClient(disputeSettled('dsp-1', 'resolved', D1, '2026-02-20T09:00:01.000Z'), PROCESS),
  onClient(transferred('t-1', D1, COMPANY, { kind: 'request', requestId: 'r-1' }, '2026-02-25T09:00:00.000Z'), JAN),
  onClient(transferRequested('r-3', COMPANY, D1, '2026-03-01T09:00:00.000Z'), JAN),
  onClient(transferContested('r-3', 'dsp-2', '2026-03-03T09:00:00.000Z'), CEO),
  onDispute(
    disputeOpened({
      disputeId: 'dsp-2',
      parties: [COMPANY, D1],
      openedBy: COMPANY,
      origin: { kind: 'transfer-contest', requestId: 'r-3', requester: D1, owner: COMPANY, requestReason: 'the client called us' },
      at: '2026-03-03T09:00:01.000Z',
    }),
    PROCESS,
  ),
  onDispute(proposed('dsp-2', 1, COMPANY, { decision: 'the company keeps c-1', clientOwner: COMPANY }, '2026-03-05T09:00:00.000Z'), CEO),
  onDispute(proposed('dsp-2', 2, D1, { decision: 'd-1 takes c-1 back', clientOwner: D1 }, '2026-03-06T09:00:00.000Z'), JAN),
  onDispute(
    resolvedByAgreement(
      'dsp-2',
      { proposalNo: 2, proposedBy: D1, agreedBy: COMPANY, outcome: { decision: 'd-1 takes c-1 back', clientOwner: D1 } },
      '2026-03-07T09:00:00.000Z',
    ),
    CEO,
  ),
  onClient(transferred('t-2', COMPANY, D1, { kind: 'dispute', disputeId: 'dsp-2' }, '2026-03-07T09:00:01.000Z'), PROCESS),
  onClient(disputeSettled('dsp-2', 'resolved', D1, '2026-03-07T09:00:01.000Z'), PROCESS),
];

/**
 * The same events delivered once more after them, as a replay would (the store accepts only positions
 * past its checkpoint, so the positions move on; everything else is identical).
 */
export const replayed = (events: ProjectedEvent[]): ProjectedEvent[] => events.map((e) => ({ ...e, position: e.position + events.length }));
