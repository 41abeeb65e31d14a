/**
 * Payments of settlements. A period close with a positive payable obliges the company to pay it by the
 * payment due date its policy's payment terms give (derive.ts). The company records each payment, in
 * instalments if need be, in the settlement's currency and never beyond what is outstanding; the
 * obligation is kept on the day the payments cover the payable. The transfer reference identifies a
 * payment, so a retried recording records nothing.
 */
import { money } from '../policy/field-checks';
import { dateOf } from './calendar';
import type { RecordPayment } from './commands';
import { ObligationErrors } from './errors';
import type { ObligationsEvent } from './events';
import { actingParty, expectedFor, requireOwed, requireResponsible, sameFacts } from './rules';
import type { ObligationsState } from './state';
import { paidBy } from './status';
import { id, OBLIGATION_LIMITS, pastDay, refuseField, requireValid, text, type Errors } from './validate';

export function recordPayment(cmd: RecordPayment, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const recordedBy = actingParty(actor, cmd.data.policyId, 'record a payment');
  const out: Errors = [];
  id(out, 'period', cmd.data.period);
  money(out, 'amount', cmd.data.amount, { min: 1 });
  pastDay(out, 'paidOn', cmd.data.paidOn, now);
  text(out, 'reference', cmd.data.reference, OBLIGATION_LIMITS.text);
  requireValid(out);
  const { policyId, period, amount, paidOn, reference } = cmd.data;
  const o = expectedFor(cmd.data.obligations, 'payment', period);
  requireResponsible(o, recordedBy);
  const existing = state.payments[reference];
  if (existing) {
    if (sameFacts({ o: existing.obligationId, a: existing.amount, d: existing.paidOn }, { o: o.id, a: amount, d: paidOn })) return [];
    throw ObligationErrors.alreadyRecorded('PAYMENT_EXISTS', reference);
  }
  requireOwed(o, state);
  if (amount.currency !== o.amount.currency) refuseField('amount.currency', `must be the settlement currency ${o.amount.currency}`);
  if (paidOn < dateOf(o.closedAt)) refuseField('paidOn', `must not be before the settlement closed on ${dateOf(o.closedAt)}`);
  const outstanding = o.amount.minor - paidBy(o, state, now);
  if (outstanding <= 0) throw ObligationErrors.fulfilled(o.id);
  if (amount.minor > outstanding)
    throw ObligationErrors.exceedsOutstanding(period, { minor: outstanding, currency: o.amount.currency }, amount);
  const data = {
    policyId,
    obligationId: o.id,
    period,
    amount: { ...amount },
    paidOn,
    reference,
    recordedBy,
    recordedAt: now.toISOString(),
  };
  return [{ type: 'PaymentRecorded', data }];
}
