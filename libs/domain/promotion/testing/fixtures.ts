/**
 * Commands and events for promotion specs: the budget of policy d-1-2026 (PLN). Under the sample
 * terms the plan is PLN 1 200 000.00 a year and the budget 1.5% of it, PLN 18 000.00, funded 50/50.
 */
import { sampleTerms } from '../../policy/testing/sample-terms';
import type { Money, Party, PolicyTerms } from '../../policy/terms';
import { DomainError } from '../../shared/errors';
import { fold, type CommandContext } from '../../shared/types';
import type { AccruePromotionBudget, ApproveSpend, PromotionCommand, ProposeSpend, RejectSpend, SettleSpend } from '../commands';
import type { PartyActor, PromotionEvent } from '../events';
import { promotionDecider } from '../promotion';

export { asCompany, asCompliance, asDistributor, asSystem } from '../../policy/testing/fixtures';

export const POLICY_ID = 'd-1-2026';
export const IN_FORCE = '2026-01-01T00:05:00.000Z';
export const pln = (minor: number): Money => ({ minor, currency: 'PLN' });
export const actorOf = (party: Party): PartyActor => ({ party, userId: party === 'company' ? 'ceo' : 'jan' });

export const accrueCommand = (context: CommandContext, termsVersion = 1, terms: PolicyTerms = sampleTerms()): AccruePromotionBudget => ({
  type: 'AccruePromotionBudget',
  data: { policyId: POLICY_ID, termsVersion, terms },
  context,
});

export interface AccruedInput {
  termsVersion: number;
  total: number;
  company: number;
  distributor: number;
  delta: number;
  budgetBp?: number;
  plannedAnnual?: number;
  accruedAt?: string;
}

export const accrued = (a: AccruedInput): PromotionEvent => ({
  type: 'PromotionBudgetAccrued',
  data: {
    policyId: POLICY_ID,
    termsVersion: a.termsVersion,
    plannedAnnual: pln(a.plannedAnnual ?? 120_000_000),
    budgetBp: a.budgetBp ?? 150,
    total: pln(a.total),
    company: pln(a.company),
    distributor: pln(a.distributor),
    delta: pln(a.delta),
    accruedAt: a.accruedAt ?? IN_FORCE,
  },
});

/** The budget under the sample terms, accrued when the policy came into force. */
export const firstAccrual = () => accrued({ termsVersion: 1, total: 1_800_000, company: 900_000, distributor: 900_000, delta: 1_800_000 });

export interface ProposalInput {
  activity?: string;
  evidenceRef?: string;
  amount?: unknown;
}

export const proposeCommand = (context: CommandContext, spendId: string, amount: number, p: ProposalInput = {}): ProposeSpend => ({
  type: 'ProposeSpend',
  data: {
    policyId: POLICY_ID,
    spendId,
    activity: p.activity ?? `Trade fair stand (${spendId})`,
    amount: (p.amount ?? pln(amount)) as Money,
    evidenceRef: p.evidenceRef ?? `doc://quotes/${spendId}`,
  },
  context,
});

export const proposed = (spendId: string, by: Party, amount: number, proposedAt: string): PromotionEvent => ({
  type: 'PromotionSpendProposed',
  data: {
    policyId: POLICY_ID,
    spendId,
    proposedBy: actorOf(by),
    activity: `Trade fair stand (${spendId})`,
    amount: pln(amount),
    evidenceRef: `doc://quotes/${spendId}`,
    proposedAt,
  },
});

export const approveCommand = (context: CommandContext, spendId: string): ApproveSpend => ({
  type: 'ApproveSpend',
  data: { policyId: POLICY_ID, spendId },
  context,
});

export const approved = (spendId: string, by: Party, approvedAt: string): PromotionEvent => ({
  type: 'PromotionSpendApproved',
  data: { policyId: POLICY_ID, spendId, approvedBy: actorOf(by), approvedAt },
});

export const rejectCommand = (context: CommandContext, spendId: string, reason = 'Not in the agreed channel plan'): RejectSpend => ({
  type: 'RejectSpend',
  data: { policyId: POLICY_ID, spendId, reason },
  context,
});

export const rejected = (spendId: string, by: Party, rejectedAt: string, reason = 'Not in the agreed channel plan'): PromotionEvent => ({
  type: 'PromotionSpendRejected',
  data: { policyId: POLICY_ID, spendId, rejectedBy: actorOf(by), reason, rejectedAt },
});

export const settleCommand = (
  context: CommandContext,
  spendId: string,
  amount?: number | Money,
  proofRef = `doc://invoices/${spendId}`,
): SettleSpend => ({
  type: 'SettleSpend',
  data: {
    policyId: POLICY_ID,
    spendId,
    proofRef,
    ...(amount === undefined ? {} : { amount: typeof amount === 'number' ? pln(amount) : amount }),
  },
  context,
});

export const settled = (spendId: string, by: Party, amount: number, settledAt: string): PromotionEvent => ({
  type: 'PromotionSpendSettled',
  data: { policyId: POLICY_ID, spendId, settledBy: actorOf(by), proofRef: `doc://invoices/${spendId}`, amount: pln(amount), settledAt },
});

/** The refusal a command meets after `given`; fails the spec when it is not refused. */
export function refusalOf(given: PromotionEvent[], command: PromotionCommand): DomainError {
  try {
    promotionDecider.decide(command, fold(promotionDecider, given));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${command.type} was not refused`);
}
