/** Every refusal of the promotion budget area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from '../policy/field-checks';
import type { Money } from '../policy/terms';
import type { SpendStatus } from './state';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`PROMOTION.${code}`, 'conflict', message, details);

export const PromotionErrors = {
  forbiddenParty: (party: string, action: string) =>
    new DomainError('PROMOTION.FORBIDDEN_PARTY', 'forbidden', `The ${party} party may not ${action}`, { party, action }),
  invalidCommand: (errors: FieldError[]) => new DomainError('PROMOTION.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  currencyMismatch: (field: string, expected: string) =>
    new DomainError('PROMOTION.CURRENCY_MISMATCH', 'invalid', `Amounts of this budget are in ${expected}`, {
      errors: [{ field, message: `must be the budget currency ${expected}` }],
    }),
  currencyChanged: (from: string, to: string) =>
    conflict('CURRENCY_CHANGED', `The budget is kept in ${from}; terms in ${to} cannot re-accrue it`, { from, to }),
  noBudget: (policyId: string) => conflict('NO_BUDGET', `No promotion budget has accrued for policy ${policyId} yet`, { policyId }),
  spendExists: (spendId: string) => conflict('SPEND_EXISTS', `Spend ${spendId} was already proposed with other details`, { spendId }),
  spendNotFound: (spendId: string) =>
    new DomainError('PROMOTION.SPEND_NOT_FOUND', 'not_found', `Spend ${spendId} does not exist`, { spendId }),
  insufficientBalance: (balance: Money, available: Money, requested: Money) =>
    conflict('INSUFFICIENT_BALANCE', `The budget has ${available.minor} ${available.currency} minor units available`, {
      balance,
      available,
      requested,
    }),
  ownProposal: (spendId: string) =>
    conflict('OWN_PROPOSAL', `Spend ${spendId} is your own proposal; the other party decides on it`, { spendId }),
  spendNotPending: (spendId: string, status: SpendStatus) =>
    conflict('SPEND_NOT_PENDING', `Spend ${spendId} is ${status}, not awaiting a decision`, { spendId, status }),
  spendNotApproved: (spendId: string, status: SpendStatus) =>
    conflict('SPEND_NOT_APPROVED', `Spend ${spendId} is ${status}; only an approved spend is settled`, { spendId, status }),
  aboveApproved: (spendId: string, approved: Money, requested: Money) =>
    conflict('ABOVE_APPROVED', `Spend ${spendId} was approved for less than the amount settled`, { spendId, approved, requested }),
};
