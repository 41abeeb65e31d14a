/** Every refusal of the sales and special-price areas, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from '../policy/field-checks';
import { sideKey, type Side } from '../shared/sides';
import type { FloorViolation } from './events';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`SALE.${code}`, 'conflict', message, details);
const forbidden = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`SALE.${code}`, 'forbidden', message, details);

export const SaleErrors = {
  invalidCommand: (errors: FieldError[]) => new DomainError('SALE.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  forbiddenParty: (party: string, action: string) =>
    forbidden('FORBIDDEN_PARTY', `The ${party} party may not ${action} a sale`, { party, action }),
  notFound: (saleId: string) => new DomainError('SALE.NOT_FOUND', 'not_found', `Sale ${saleId} does not exist`, { saleId }),
  alreadyRecorded: (saleId: string, status: string) =>
    conflict('ALREADY_RECORDED', `Sale ${saleId} is already on record (${status}); a new sale needs a new id`, { saleId, status }),
  /** Invalid input rather than a missing resource: the sale names a client the seller cannot sell to. */
  unknownClient: (clientId: string) =>
    new DomainError('SALE.UNKNOWN_CLIENT', 'invalid', `Client ${clientId} is not registered`, {
      clientId,
      errors: [{ field: 'clientId', message: 'must name a registered client' }],
    }),
  noPolicyInForce: (seller: Side, date: string) =>
    conflict('NO_POLICY_IN_FORCE', `No policy of ${sideKey(seller)} is in force on ${date}`, { seller, date }),
  currencyMismatch: (expected: string, actual: string, policyId: string) =>
    new DomainError('SALE.CURRENCY_MISMATCH', 'invalid', `Policy ${policyId} settles in ${expected}; the sale is in ${actual}`, {
      expected,
      actual,
      policyId,
      errors: [{ field: 'currency', message: `must be ${expected}, the currency of policy ${policyId}` }],
    }),
  /**
   * A line below its floor with no valid special price. RecordSale records a SaleRefused instead of
   * throwing this (the API answers with it); a correction that would go below the floor throws it.
   */
  belowFloor: (saleId: string, violations: FloorViolation[]) =>
    conflict('BELOW_FLOOR', `Sale ${saleId}: ${violations.length} line(s) below the price floor without a valid special price`, {
      saleId,
      violations,
    }),
  notSeller: (side: Side, saleId: string, action: string) =>
    forbidden('NOT_SELLER', `Only the seller may ${action} sale ${saleId}; ${sideKey(side)} is not it`, { side, saleId, action }),
  notRecorded: (saleId: string) => conflict('NOT_RECORDED', `Sale ${saleId} was refused, so there is nothing to change`, { saleId }),
  cancelled: (saleId: string) => conflict('CANCELLED', `Sale ${saleId} is cancelled and final`, { saleId }),
  nothingToCorrect: (saleId: string) =>
    conflict('NOTHING_TO_CORRECT', `The lines are those already recorded for sale ${saleId}`, { saleId }),
};

export const SpecialPriceErrors = {
  invalidCommand: (errors: FieldError[]) =>
    new DomainError('SPECIAL_PRICE.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  companyOnly: (party: string, action: string) =>
    new DomainError('SPECIAL_PRICE.COMPANY_ONLY', 'forbidden', `Only the company may ${action} a special price; not the ${party} party`, {
      party,
      action,
    }),
  alreadyExists: (specialPriceId: string) =>
    new DomainError('SPECIAL_PRICE.ALREADY_EXISTS', 'conflict', `Special price ${specialPriceId} already exists`, { specialPriceId }),
  notFound: (specialPriceId: string) =>
    new DomainError('SPECIAL_PRICE.NOT_FOUND', 'not_found', `Special price ${specialPriceId} does not exist`, { specialPriceId }),
  alreadyRevoked: (specialPriceId: string, effectiveFrom: string) =>
    new DomainError(
      'SPECIAL_PRICE.ALREADY_REVOKED',
      'conflict',
      `Special price ${specialPriceId} is already revoked from ${effectiveFrom}`,
      {
        specialPriceId,
        effectiveFrom,
      },
    ),
};
