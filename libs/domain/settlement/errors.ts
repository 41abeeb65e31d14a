/** Every refusal of the settlement area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from '../policy/field-checks';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`SETTLEMENT.${code}`, 'conflict', message, details);

export const SettlementErrors = {
  companyOnly: (party: string) =>
    new DomainError('SETTLEMENT.COMPANY_ONLY', 'forbidden', 'Only the company closes a period: the settlement is what it pays', { party }),
  /** Malformed command fields: the terms and actuals the handler passed, the sales position. */
  invalidCommand: (errors: FieldError[]) =>
    new DomainError('SETTLEMENT.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  unknownPeriod: (period: unknown, expected: string[]) =>
    new DomainError('SETTLEMENT.UNKNOWN_PERIOD', 'invalid', `${String(period)} is not a plan period of the policy`, {
      errors: [{ field: 'period', message: `must be one of ${expected.join(', ')}` }],
    }),
  currencyMismatch: (errors: FieldError[]) =>
    new DomainError('SETTLEMENT.CURRENCY_MISMATCH', 'invalid', 'Every actual must be in the settlement currency', { errors }),
  periodNotEnded: (period: string, endsAt: string) =>
    conflict('PERIOD_NOT_ENDED', `Period ${period} runs until ${endsAt}; it closes after that`, { period, endsAt }),
  periodAlreadyClosed: (period: string, closedAt: string) =>
    conflict('PERIOD_ALREADY_CLOSED', `Period ${period} was closed at ${closedAt}; later sales are settled as adjustments`, {
      period,
      closedAt,
    }),
  staleActuals: (salesUpToPosition: number, lastPosition: number) =>
    conflict(
      'STALE_ACTUALS',
      `The actuals count sales up to ${salesUpToPosition}, behind the last close (${lastPosition}); recompute them`,
      {
        salesUpToPosition,
        lastPosition,
      },
    ),
};
