/** Cancelling a recorded sale: its seller records why; the sale's current total leaves the actuals. */
import type { Errors } from '../policy/field-checks';
import type { CancelSale } from './commands';
import type { SaleEvent } from './events';
import { existingSale, requireLive, requireNoErrors, requireSeller, sellingSide } from './rules';
import type { SaleState } from './sale-state';
import { reason as validReason } from './validate';

export function cancelSale(cmd: CancelSale, state: SaleState): SaleEvent[] {
  const { actor, now } = cmd.context;
  const side = sellingSide(actor, 'cancel');
  const existing = existingSale(state, cmd.data.saleId);
  requireSeller(existing, side, 'cancel');
  const errors: Errors = [];
  validReason(errors, cmd.data.reason);
  requireNoErrors(errors);
  const { saleId, lines, total, territory, seller, clientId, policyId, period, date } = requireLive(existing);
  return [
    {
      type: 'SaleCancelled',
      data: {
        saleId,
        previousLines: lines,
        previousTotal: total,
        territory,
        seller,
        clientId,
        policyId,
        period,
        date,
        reason: cmd.data.reason,
        cancelledAt: now.toISOString(),
      },
    },
  ];
}
