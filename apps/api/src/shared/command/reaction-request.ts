/**
 * The request a reactor's command carries: the system as actor, the triggering event as cause, the
 * triggering event's correlation id, and the instant it was recorded as "now" — so a replay after a
 * crash decides exactly as the first delivery did.
 */
import type { ProjectedEvent } from '@cl/projections';
import type { CommandRequest } from './request-context';

export function reactionRequest(process: string, cause: ProjectedEvent): CommandRequest {
  return {
    actor: { party: 'system', userId: process },
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    now: new Date(cause.metadata.recordedAt),
  };
}
