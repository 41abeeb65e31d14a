/** The shared client history: either side logs its own work with the client (who may see it is the API's concern). */
import { toMillis } from '../policy/calendar';
import { oneOf, text, type Errors } from '../policy/field-checks';
import type { LogInteraction } from './commands';
import { INTERACTION_KINDS, type ClientEvent } from './events';
import { actingSide, registeredClient, requireNoErrors } from './rules';
import type { ClientState } from './state';

export const MAX_SUMMARY = 2000;
/** Clocks differ a little between a user's device and the server; more than this is a future date. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function logInteraction(cmd: LogInteraction, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const loggedBy = actingSide(actor, 'log an interaction with');
  const { interactionId, kind, summary } = cmd.data;
  const errors: Errors = [];
  text(errors, 'interactionId', interactionId);
  oneOf(errors, 'kind', kind, INTERACTION_KINDS);
  text(errors, 'summary', summary, MAX_SUMMARY);
  const occurredAt = pastInstant(errors, 'occurredAt', cmd.data.occurredAt, now);
  requireNoErrors(errors);
  const client = registeredClient(state, cmd.data.clientId);
  return [
    {
      type: 'ClientInteractionLogged',
      data: {
        clientId: client.clientId,
        interactionId,
        kind,
        summary,
        occurredAt: occurredAt as string,
        loggedBy,
        loggedAt: now.toISOString(),
      },
    },
  ];
}

/**
 * An ISO instant with an offset, or a date (read as 00:00 UTC), not in the future; stored as an ISO
 * instant in UTC so that the history sorts the same whichever way it was written.
 */
function pastInstant(out: Errors, field: string, v: unknown, now: Date): string | undefined {
  const ms = typeof v === 'string' ? toMillis(v) : NaN;
  if (Number.isNaN(ms)) out.push({ field, message: 'must be an ISO instant with an offset or a date (YYYY-MM-DD)' });
  else if (ms > now.getTime() + CLOCK_SKEW_MS) out.push({ field, message: 'must not be in the future' });
  else return new Date(ms).toISOString();
  return undefined;
}
