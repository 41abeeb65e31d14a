/** The shapes the console reads, as the OpenAPI document (/docs-json) describes them; only the fields it uses. */
import type { Side } from '../lib/ownership';

export type { Side };

export interface Actor {
  party: 'company' | 'distributor' | 'compliance' | 'system';
  userId: string;
  distributorId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Distributor {
  id: string;
  name: string;
  territories: string[];
}

export interface Signature {
  party: 'company' | 'distributor';
  userId: string;
  termsHash: string;
  signedAt: string;
}

export interface PolicyVersion {
  version: number;
  termsHash: string;
  origin: 'draft' | 'amendment';
  amendmentNo?: number;
  createdBy: { party: string; userId: string };
  createdAt: string;
  signatures: Signature[];
  terms: Terms;
}

export interface Amendment {
  amendmentNo: number;
  termsVersion: number;
  baseVersion: number;
  status: 'open' | 'agreed' | 'withdrawn' | 'declined' | 'lapsed';
  proposedBy: { party: string; userId: string };
  proposedAt: string;
  requestedEffectiveFrom?: string;
  signatures: Signature[];
  effectiveFrom?: string;
  reason?: string;
}

export interface PolicySummary {
  id: string;
  distributorId: string;
  year: number;
  status: 'draft' | 'in_force' | 'expired' | 'terminated';
  currentVersion: number;
  signedBy: string[];
  firstEffectiveFrom?: string;
}

export interface Policy extends PolicySummary {
  currentTerms: Terms;
  versions: PolicyVersion[];
  inForce: Array<{ termsVersion: number; termsHash: string; effectiveFrom: string; amendmentNo?: number }>;
  amendments: Amendment[];
  termination?: { party: string; userId: string; reason: string; terminatedAt: string };
}

export interface BonusTier {
  thresholdBp: number;
  rateBp: number;
}

/** The terms are a large document; the console names the parts it draws and shows the rest generically. */
export interface Terms {
  territories: string[];
  bonus: { mode: 'retroactive' | 'incremental'; tiers: BonusTier[] };
  handOverDays: number;
  [section: string]: unknown;
}

export interface PlanRow {
  distributorId: string;
  policyId: string;
  period: string;
  termsVersion: number | null;
  currency: string;
  planMinor: number | null;
  actualMinor: number;
  salesCount: number;
  attainment: string | null;
  bonusMinor: number | null;
  tierThresholdBp: number | null;
  closed: boolean;
}

export interface PlanReport {
  year: number;
  asOf: string;
  rows: PlanRow[];
}

export interface Budget {
  policyId: string;
  distributorId: string;
  currency: string;
  budgetBp: number;
  accruedMinor: number;
  companyContributionMinor: number;
  distributorContributionMinor: number;
  proposedMinor: number;
  approvedMinor: number;
  committedMinor: number;
  settledMinor: number;
  balanceMinor: number;
  spends: Array<{
    spendId: string;
    status: string;
    activity: string;
    amountMinor: number;
    proposedAt: string;
    settledAmountMinor?: number;
  }>;
}

export interface BudgetReport {
  year: number | null;
  asOf: string;
  budgets: Budget[];
}

export interface Client {
  id: string;
  legalName: string;
  territory: string;
  segment: string;
  owner: Side | null;
  ownerSince: string | null;
  openDisputeIds: string[];
}

export interface Ownership {
  owner: Side | null;
  since: string | null;
  basis: { kind: 'claim' | 'transfer' | 'release'; at: string; cause?: { kind: string; disputeId?: string } } | null;
  madeBy: Actor | null;
}

export interface HistoryItem {
  id: string;
  kind: string;
  at: string;
  by: Actor;
  position: number;
  to?: Side;
  from?: Side | null;
  claimant?: Side;
  owner?: Side;
  disputeId?: string;
  summary?: string;
  interactionKind?: string;
  reason?: string;
  outcome?: { decision: string; clientOwner?: Side };
  ownerAfter?: Side | null;
  cause?: { kind: string };
}

export interface DisputeSummary {
  id: string;
  subject: { kind: string; clientId?: string; saleId?: string; sku?: string; policyId?: string; obligationId?: string; evidenceId?: string };
  subjectKind: 'client' | 'sale' | 'price' | 'obligation';
  clientId: string | null;
  parties: [Side, Side];
  openedBy: Side;
  originKind: 'direct' | 'claim' | 'transfer-contest';
  summary: string;
  status: 'open' | 'resolved' | 'withdrawn';
  openedAt: string;
  closedAt?: string;
  resolution?: { by: { kind: string; userId?: string }; outcome: { decision: string; clientOwner?: Side } };
}

export interface DisputeTimelineEntry {
  kind: 'opened' | 'note-added' | 'evidence-added' | 'resolution-proposed' | 'resolved' | 'withdrawn';
  at: string;
  by: Actor;
  eventId: string;
  side?: Side;
  summary?: string;
  text?: string;
  reference?: string;
  description?: string;
  proposalNo?: number;
  outcome?: { decision: string; clientOwner?: Side };
  reason?: string;
}

export interface Dispute extends DisputeSummary {
  timeline: DisputeTimelineEntry[];
}

export interface ClaimEntry {
  id: string;
  clientId: string;
  clientLegalName?: string;
  claimant: Side;
  at: string;
  outcome: 'claimed' | 'disputed' | 'refused';
  disputeId?: string;
  ownerAtTheTime?: Side;
  resolution?: { resolution: string; ownerAfter: Side | null; granted: boolean; settledAt: string };
  endedAt?: string;
  endedBy?: string;
}

export interface FeedItem {
  position: number;
  id: string;
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: Actor; recordedAt: string };
}
