/**
 * Which recorded events a party may receive through the feed and webhooks: the same scoping as the
 * queries, decided per event. The company and compliance receive everything. A distributor receives
 * the facts of its own registration, policies, settlements and budget; of the clients it may see now
 * (owned by it or in its territories: ClientVisibility); of sales it made or to clients it may see; of
 * disputes it is a party to. Everything else — other distributors' business, tax-id reservations,
 * personal-data erasures, log digests — it never receives.
 *
 * Every event type the domain knows must be classified here (the spec checks it), so a new event
 * type cannot reach distributors by default.
 */
import { Inject, Injectable } from '@nestjs/common';
import { parsePolicyId } from '@cl/domain/policy';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { RecordedEvent } from '@cl/event-store';
import { DIGEST_EVENT } from '@cl/event-store/audit/digester';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import { DISPUTES, type DisputeDoc } from '@cl/projections/disputes/disputes.projection';
import type { Principal } from '../shared/auth/principal';
import { ClientVisibility } from '../clients/client-visibility';

/** How an event type is scoped for a distributor. */
export type Scope =
  /** The distributor named by `data.distributorId`. */
  | 'own-distributor'
  /** The distributor of the policy named by `data.policyId` (`<distributorId>-<year>`). */
  | 'own-policy'
  /** A client the distributor may see now (`data.clientId`). */
  | 'client'
  /** The seller (`data.seller`) or a client the distributor may see. */
  | 'sale'
  /** A dispute the distributor is a party to (`data.disputeId`). */
  | 'dispute'
  /** Company and compliance only. */
  | 'internal';

export const EVENT_SCOPES: Readonly<Record<string, Scope>> = {
  DistributorRegistered: 'own-distributor',
  DistributorRenamed: 'own-distributor',
  PolicyDrafted: 'own-policy',
  PolicyTermsRevised: 'own-policy',
  PolicySigned: 'own-policy',
  PolicyCameIntoForce: 'own-policy',
  PolicyAmendmentProposed: 'own-policy',
  PolicyAmendmentSigned: 'own-policy',
  PolicyAmended: 'own-policy',
  PolicyAmendmentWithdrawn: 'own-policy',
  PolicyAmendmentDeclined: 'own-policy',
  PolicyExpired: 'own-policy',
  PolicyTerminated: 'own-policy',
  PeriodClosed: 'own-policy',
  PromotionBudgetAccrued: 'own-policy',
  PromotionSpendProposed: 'own-policy',
  PromotionSpendApproved: 'own-policy',
  PromotionSpendRejected: 'own-policy',
  PromotionSpendSettled: 'own-policy',
  EvidenceRecorded: 'own-policy',
  EvidenceAccepted: 'own-policy',
  EvidenceDisputed: 'own-policy',
  EvidenceDisputeResolved: 'own-policy',
  ObligationWaived: 'own-policy',
  PeriodicReportSubmitted: 'own-policy',
  PeriodicReportAcknowledged: 'own-policy',
  MeetingRecorded: 'own-policy',
  PaymentRecorded: 'own-policy',
  ClientRegistered: 'client',
  ClientClaimed: 'client',
  ClientClaimRefused: 'client',
  ClientClaimContested: 'client',
  ClientTransferRequested: 'client',
  ClientTransferRequestWithdrawn: 'client',
  ClientTransferContested: 'client',
  ClientTransferred: 'client',
  ClientReleased: 'client',
  ClientInteractionLogged: 'client',
  ClientDisputeSettled: 'client',
  SpecialPriceApproved: 'client',
  SpecialPriceRevoked: 'client',
  SaleRecorded: 'sale',
  SaleRefused: 'sale',
  SaleCorrected: 'sale',
  SaleCancelled: 'sale',
  DisputeOpened: 'dispute',
  DisputeNoteAdded: 'dispute',
  DisputeEvidenceAdded: 'dispute',
  DisputeResolutionProposed: 'dispute',
  DisputeResolved: 'dispute',
  DisputeWithdrawn: 'dispute',
  ClientTaxIdReserved: 'internal',
  PersonalDataErased: 'internal',
  // Webhook registrations name another party's endpoint: never a distributor's business.
  WebhookRegistered: 'internal',
  WebhookDeactivated: 'internal',
  [DIGEST_EVENT]: 'internal',
};

/** Decides, for one viewer, which events of a page it may receive; caches lookups for the page. */
@Injectable()
export class EventVisibility {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly clients: ClientVisibility,
  ) {}

  /** The events of `events` the viewer may receive, in order. */
  async filter(viewer: Principal, events: RecordedEvent[]): Promise<RecordedEvent[]> {
    if (viewer.party !== 'distributor') return events;
    const check = this.checker(viewer);
    const visible = await Promise.all(events.map((e) => check(e)));
    return events.filter((_, i) => visible[i]);
  }

  /** A per-viewer predicate with memoised client and dispute lookups. */
  checker(viewer: Principal): (event: RecordedEvent) => Promise<boolean> {
    const me = viewer.distributorId ?? '';
    const myKey = `distributor:${me}`;
    const clientSeen = memo((clientId: string) => this.canSeeClient(viewer, clientId));
    const disputeSeen = memo((disputeId: string) => this.isParty(myKey, disputeId));
    return async (event) => {
      if (viewer.party !== 'distributor') return true;
      const data = event.data as Record<string, unknown>;
      switch (EVENT_SCOPES[event.type] ?? 'internal') {
        case 'own-distributor':
          return data.distributorId === me;
        case 'own-policy':
          return parsePolicyId(String(data.policyId))?.distributorId === me;
        case 'client':
          return clientSeen(String(data.clientId));
        case 'sale':
          return (!!data.seller && sideKey(data.seller as Side) === myKey) || clientSeen(String(data.clientId));
        case 'dispute':
          return disputeSeen(String(data.disputeId));
        case 'internal':
          return false;
      }
    };
  }

  private async canSeeClient(viewer: Principal, clientId: string): Promise<boolean> {
    const doc = await this.reads.findOne<ClientDoc>(CLIENTS, { _id: clientId });
    return !!doc && this.clients.canSee(viewer, { territory: doc.territory, owner: doc.owner });
  }

  private async isParty(key: string, disputeId: string): Promise<boolean> {
    const doc = await this.reads.findOne<DisputeDoc>(DISPUTES, { _id: disputeId });
    return !!doc && doc.partyKeys.includes(key);
  }
}

function memo(lookup: (id: string) => Promise<boolean>): (id: string) => Promise<boolean> {
  const seen = new Map<string, Promise<boolean>>();
  return (id) => {
    let answer = seen.get(id);
    if (!answer) seen.set(id, (answer = lookup(id)));
    return answer;
  };
}
