/** What can be asked of a promotion budget. The terms in force come from the policy stream, via the handler. */
import type { Command } from '../shared/types';
import type { Money, PolicyTerms } from '../policy/terms';

/** Issued by the accrual process (actor: system) when a policy comes into force or is amended. */
export type AccruePromotionBudget = Command<'AccruePromotionBudget', { policyId: string; termsVersion: number; terms: PolicyTerms }>;
export type ProposeSpend = Command<'ProposeSpend', { policyId: string; spendId: string; activity: string; amount: Money; evidenceRef: string }>;
export type ApproveSpend = Command<'ApproveSpend', { policyId: string; spendId: string }>;
export type RejectSpend = Command<'RejectSpend', { policyId: string; spendId: string; reason: string }>;
/** `amount`: what was actually spent, at most the approved amount (the rest returns to the balance). */
export type SettleSpend = Command<'SettleSpend', { policyId: string; spendId: string; proofRef: string; amount?: Money }>;

export type PromotionCommand = AccruePromotionBudget | ProposeSpend | ApproveSpend | RejectSpend | SettleSpend;
