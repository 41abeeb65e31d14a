/**
 * A waiver: the party an obligation protects releases the other from it, with a reason. Only that
 * party may — the responsible party cannot excuse itself — and only while the obligation is unkept.
 */
import type { WaiveObligation } from './commands';
import { ObligationErrors } from './errors';
import type { ObligationsEvent } from './events';
import { actingParty, findObligation, requireNotFulfilled, requireProtected, sameFacts } from './rules';
import type { ObligationsState } from './state';
import { id, OBLIGATION_LIMITS, requireValid, text, type Errors } from './validate';

export function waiveObligation(cmd: WaiveObligation, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const waivedBy = actingParty(actor, cmd.data.policyId, 'waive an obligation');
  const out: Errors = [];
  id(out, 'obligationId', cmd.data.obligationId);
  text(out, 'reason', cmd.data.reason, OBLIGATION_LIMITS.text);
  requireValid(out);
  const { policyId, obligationId, reason } = cmd.data;
  const o = findObligation(cmd.data.obligations, obligationId);
  requireProtected(o, waivedBy);
  const existing = state.waivers[o.id];
  if (existing) {
    if (sameFacts({ party: existing.by.party, reason: existing.reason }, { party: waivedBy.party, reason })) return [];
    throw ObligationErrors.alreadyRecorded('ALREADY_WAIVED', o.id);
  }
  if (o.retired) throw ObligationErrors.retired(o.id, o.retired.from);
  requireNotFulfilled(o, state, now);
  return [{ type: 'ObligationWaived', data: { policyId, obligationId: o.id, waivedBy, reason, waivedAt: now.toISOString() } }];
}
