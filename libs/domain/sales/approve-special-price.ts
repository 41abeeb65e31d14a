/** The company approves a special price for one client and SKU, for an inclusive range of dates. */
import { text, type Errors } from '../policy/field-checks';
import type { ApproveSpecialPrice } from './commands';
import { SpecialPriceErrors } from './errors';
import type { SpecialPriceEvent } from './events';
import { companyOnly, requireNoErrors } from './special-price-rules';
import type { SpecialPriceState } from './special-price-state';
import { date, reason, sku, unitPrice } from './validate';

export function approveSpecialPrice(cmd: ApproveSpecialPrice, state: SpecialPriceState): SpecialPriceEvent[] {
  const { actor, now } = cmd.context;
  companyOnly(actor, 'approve');
  const d = validApproval(cmd.data);
  if (state.prices[d.specialPriceId]) throw SpecialPriceErrors.alreadyExists(d.specialPriceId);
  return [{ type: 'SpecialPriceApproved', data: { ...d, approvedAt: now.toISOString() } }];
}

type Approval = ApproveSpecialPrice['data'];

function validApproval(d: Approval): Approval {
  const errors: Errors = [];
  text(errors, 'clientId', d.clientId);
  text(errors, 'specialPriceId', d.specialPriceId);
  sku(errors, 'sku', d.sku);
  const price = unitPrice(errors, 'unitPrice', d.unitPrice);
  const okFrom = date(errors, 'validFrom', d.validFrom);
  const okTo = date(errors, 'validTo', d.validTo);
  if (okFrom && okTo && d.validTo < d.validFrom)
    errors.push({ field: 'validTo', message: `must not be before validFrom (${d.validFrom})` });
  reason(errors, d.reason);
  requireNoErrors(errors);
  const { clientId, specialPriceId, validFrom, validTo } = d;
  return { clientId, specialPriceId, sku: d.sku, unitPrice: price as Approval['unitPrice'], validFrom, validTo, reason: d.reason };
}
