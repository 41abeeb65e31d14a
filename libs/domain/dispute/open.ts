/**
 * Opening a dispute: a side opens one directly in its own name, or the dispute-opening process (the
 * system actor) opens one for a contested claim or hand-over in the name of the claimant or the
 * contesting owner. Compliance judges disputes and never starts one.
 */
import { canonicalJson } from '../shared/canonical-json';
import { sameSide, sideOf } from '../shared/sides';
import type { Actor } from '../shared/types';
import type { OpenDispute } from './commands';
import { DisputeErrors } from './errors';
import type { DisputeEvent, DisputeOpened } from './events';
import { requireValid } from './rules';
import { isDispute, type Dispute, type DisputeState } from './state';
import * as check from './validate';

type Opening = Omit<DisputeOpened['data'], 'openedAt'>;

export function openDispute(cmd: OpenDispute, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  requireOpener(actor, cmd.data);
  const opening = validOpening(cmd.data);
  if (isDispute(state)) {
    // The process may deliver the same contest twice: the second delivery records nothing.
    if (sameDispute(state, opening)) return [];
    throw DisputeErrors.alreadyExists(state.disputeId);
  }
  return [{ type: 'DisputeOpened', data: { ...opening, openedAt: now.toISOString() } }];
}

function requireOpener(actor: Actor, data: OpenDispute['data']): void {
  if (actor.party === 'system') return;
  const side = sideOf(actor);
  if (!side) throw DisputeErrors.forbiddenParty(actor.party, 'open a dispute: only a side or the dispute process does');
  if (!sameSide(side, data.openedBy)) throw DisputeErrors.forbiddenParty(actor.party, 'open a dispute in another side’s name');
  // A claim's or hand-over's origin carries both sides' basis; only the process that read them may state it.
  const origin: unknown = data.origin;
  if (typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind !== 'direct') {
    throw DisputeErrors.forbiddenParty(actor.party, 'open a dispute for a claim or hand-over: the dispute process does');
  }
}

function validOpening(d: OpenDispute['data']): Opening {
  const out: check.Errors = [];
  const disputeId = check.id(out, 'disputeId', d.disputeId);
  const subject = check.subject(out, d.subject);
  const parties = check.parties(out, d.parties);
  const openedBy = check.side(out, 'openedBy', d.openedBy);
  if (openedBy && parties && !parties.some((p) => sameSide(p, openedBy))) {
    out.push({ field: 'openedBy', message: 'must be one of the two parties' });
  }
  const summary = check.text(out, 'summary', d.summary, check.DISPUTE_LIMITS.summary);
  const origin = check.origin(out, d.origin, { subject, parties, openedBy });
  const complete = disputeId && subject && parties && openedBy && summary && origin;
  return requireValid(out, complete ? { disputeId, subject, parties, openedBy, summary, origin } : undefined);
}

/** The same subject, the same two parties in either order, and the same kind of origin. */
const sameDispute = (d: Dispute, o: Opening): boolean =>
  canonicalJson(d.subject) === canonicalJson(o.subject) && check.samePair(d.parties, o.parties) && d.origin.kind === o.origin.kind;
