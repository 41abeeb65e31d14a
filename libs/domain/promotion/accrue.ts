/**
 * Accruing the budget: the accrual process (the system actor) runs it when a policy comes into force
 * and after every amendment, with the terms version now in force. The budget is budgetBp of the
 * planned annual volume, split by the funding shares; a re-accrual records the difference (`delta`).
 * The process may deliver a version twice or out of order: anything not newer than the last accrual
 * records nothing, and so does a newer version that leaves the budget and its split as they were.
 */
import { parsePolicyId } from '../policy/events';
import type { Errors } from '../policy/field-checks';
import { int, text } from '../policy/field-checks';
import { money, planTotal, promotionBudget, type PromotionBudget } from '../policy/money';
import { validateTerms } from '../policy/validate-terms';
import type { AccruePromotionBudget } from './commands';
import { PromotionErrors } from './errors';
import type { PromotionEvent } from './events';
import type { Accrual, PromotionState } from './state';
import { requireValid } from './validate';

/** The budget's bounds were checked when the terms were signed; here any signed share is accrued. */
const ANY_SHARE = { promotionBudgetBp: { min: 0, max: 10_000 } };

export function accrueBudget(cmd: AccruePromotionBudget, state: PromotionState): PromotionEvent[] {
  const { actor, now } = cmd.context;
  if (actor.party !== 'system') throw PromotionErrors.forbiddenParty(actor.party, 'accrue the budget: the accrual process does');
  requireValidAccrual(cmd.data);
  const { policyId, termsVersion, terms } = cmd.data;
  const last = state.accrual;
  if (last && termsVersion <= last.termsVersion) return [];
  const budget = promotionBudget(terms);
  if (last && last.total.currency !== budget.total.currency)
    throw PromotionErrors.currencyChanged(last.total.currency, budget.total.currency);
  if (last && unchanged(last, budget)) return [];
  const delta = money(BigInt(budget.total.minor) - BigInt(last?.total.minor ?? 0), budget.total.currency);
  return [
    {
      type: 'PromotionBudgetAccrued',
      data: {
        policyId,
        termsVersion,
        plannedAnnual: planTotal(terms),
        budgetBp: terms.promotion.budgetBp,
        ...budget,
        delta,
        accruedAt: now.toISOString(),
      },
    },
  ];
}

/** A change of the funding split alone is recorded too: it changes who pays for the budget. */
const unchanged = (last: Accrual, b: PromotionBudget): boolean =>
  last.total.minor === b.total.minor && last.company.minor === b.company.minor && last.distributor.minor === b.distributor.minor;

function requireValidAccrual(d: AccruePromotionBudget['data']): void {
  const out: Errors = [];
  const policyIdOk = text(out, 'policyId', d.policyId);
  const year = policyIdOk ? parsePolicyId(d.policyId)?.year : undefined;
  if (policyIdOk && year === undefined) out.push({ field: 'policyId', message: 'must be a policy id such as d-1-2026' });
  int(out, 'termsVersion', d.termsVersion, 1);
  if (year !== undefined) out.push(...validateTerms(d.terms, year, ANY_SHARE).map((e) => ({ ...e, field: termsField(e.field) })));
  requireValid(out);
}

const termsField = (field: string): string => (field === 'terms' ? field : `terms.${field}`);
