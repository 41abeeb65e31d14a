/** What every dispute query shares: who may see which dispute, and the summary of a stored dispute. */
import type { ReadStore } from '@cl/read-models';
import { DISPUTES, proposalsOf, type DisputeDoc } from '@cl/projections/disputes/disputes.projection';
import type { Principal } from '../shared/auth/principal';
import { disputeNotFound } from './dispute-command.handler';
import type { DisputeSummary, DisputeView, ProposalView } from './dispute-view.dto';

/** The company and compliance see every dispute; a distributor only those it is a party to. */
export const canSeeDispute = (viewer: Principal, doc: Pick<DisputeDoc, 'partyKeys'>): boolean =>
  viewer.party !== 'distributor' || doc.partyKeys.includes(`distributor:${viewer.distributorId ?? ''}`);

/** A dispute a distributor is not party to is answered exactly as one that does not exist. */
export async function findVisibleDispute(store: ReadStore, id: string, viewer: Principal): Promise<DisputeDoc> {
  const doc = await store.findOne<DisputeDoc>(DISPUTES, { _id: id });
  if (!doc || !canSeeDispute(viewer, doc)) throw disputeNotFound(id);
  return doc;
}

export function toDisputeSummary(doc: DisputeDoc): DisputeSummary {
  return {
    id: doc._id,
    subject: doc.subject,
    subjectKind: doc.subjectKind,
    clientId: doc.clientId,
    parties: doc.parties,
    partyKeys: doc.partyKeys,
    openedBy: doc.openedBy,
    originKind: doc.origin.kind,
    summary: doc.summary,
    status: doc.status,
    openedAt: doc.openedAt,
    ...(doc.closedAt ? { closedAt: doc.closedAt } : {}),
    ...(doc.resolution ? { resolution: doc.resolution } : {}),
    ...(doc.withdrawal ? { withdrawal: doc.withdrawal } : {}),
    proposalsCount: doc.proposals.length,
    notesCount: doc.notesCount,
    evidenceCount: doc.evidenceCount,
    revision: doc.revision,
    updatedAt: doc.updatedAt,
  };
}

export const toDisputeView = (doc: DisputeDoc): DisputeView => ({
  ...toDisputeSummary(doc),
  origin: doc.origin,
  proposals: proposalsWithStatus(doc),
  timeline: doc.timeline,
});

/**
 * The proposals as the domain sees them: only the latest may be accepted, so an earlier one is
 * superseded (`proposalsOf` reports it open, then lapsed); the latest lapses if the dispute ends otherwise.
 */
function proposalsWithStatus(doc: DisputeDoc): ProposalView[] {
  const proposals = proposalsOf(doc);
  const latest = proposals.at(-1)?.proposalNo;
  return proposals.map((p) => (p.status !== 'accepted' && p.proposalNo !== latest ? { ...p, status: 'superseded' } : p));
}
