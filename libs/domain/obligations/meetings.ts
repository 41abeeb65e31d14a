/**
 * Meetings of the agreed cadence: one per meeting period, which the company convenes. Either party
 * records it (both were there), with attendees of both parties and the decisions taken. A meeting held
 * after its period ended keeps the obligation late; one held before its period began is another
 * period's meeting and is refused.
 */
import { each, isObj, obj, oneOf } from '../policy/field-checks';
import type { Party } from '../policy/terms';
import type { RecordMeeting } from './commands';
import { ObligationErrors } from './errors';
import type { MeetingAttendee, ObligationsEvent } from './events';
import { actingParty, expectedFor, requireOwed, sameFacts } from './rules';
import type { ObligationsState } from './state';
import { id, OBLIGATION_LIMITS, pastDay, refuseField, requireValid, text, texts, type Errors } from './validate';

const PARTIES: readonly Party[] = ['company', 'distributor'];

export function recordMeeting(cmd: RecordMeeting, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const recordedBy = actingParty(actor, cmd.data.policyId, 'record a meeting');
  requireValidMeeting(cmd.data, now);
  const { policyId, period, heldOn, attendees, decisions } = cmd.data;
  const o = expectedFor(cmd.data.obligations, 'meeting', period);
  const existing = state.meetings[o.id];
  if (existing) {
    const facts = { heldOn: existing.heldOn, attendees: existing.attendees, decisions: existing.decisions };
    if (sameFacts(facts, { heldOn, attendees, decisions })) return [];
    throw ObligationErrors.alreadyRecorded('MEETING_ALREADY_RECORDED', o.id);
  }
  requireOwed(o, state);
  if (heldOn < o.periodStart) refuseField('heldOn', `must be on or after ${o.periodStart}, the start of ${period}`);
  const data = {
    policyId,
    obligationId: o.id,
    period,
    heldOn,
    attendees: attendees.map(({ name, party }) => ({ name, party })),
    decisions: [...decisions],
    recordedBy,
    recordedAt: now.toISOString(),
  };
  return [{ type: 'MeetingRecorded', data }];
}

function requireValidMeeting(d: RecordMeeting['data'], now: Date): void {
  const out: Errors = [];
  id(out, 'period', d.period);
  pastDay(out, 'heldOn', d.heldOn, now);
  const ok = each(
    out,
    'attendees',
    d.attendees,
    (a, path) => {
      if (!obj(out, path, a)) return;
      text(out, `${path}.name`, a.name, OBLIGATION_LIMITS.id);
      oneOf(out, `${path}.party`, a.party, PARTIES);
    },
    OBLIGATION_LIMITS.attendees,
  );
  // The meeting the terms agree on is between the parties: each must have been there.
  if (ok && !PARTIES.every((p) => (d.attendees as unknown[]).some((a) => isObj(a) && (a as Partial<MeetingAttendee>).party === p))) {
    out.push({ field: 'attendees', message: 'must include at least one attendee of each party' });
  }
  texts(out, 'decisions', d.decisions, OBLIGATION_LIMITS.decisions, OBLIGATION_LIMITS.decision);
  requireValid(out);
}
