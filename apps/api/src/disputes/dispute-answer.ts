import type { Response } from 'express';
import type { DisputeEvent } from '@cl/domain/dispute';
import type { CommandOutcome } from '../shared/command/command-pipeline';
import { etag } from '../shared/command/request-context';

/** What every dispute command answers: the dispute, its new revision (also the ETag) and the events recorded. */
export function disputeAnswer(res: Response, disputeId: string, outcome: CommandOutcome<DisputeEvent>) {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { disputeId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}

type DataOf<T extends DisputeEvent['type']> = Extract<DisputeEvent, { type: T }>['data'];

/**
 * The data of the event of that type a command recorded. Answers take ids from here, not from what the
 * controller generated: a retry answered from an earlier write carries the earlier ids.
 */
export function recordedDisputeEvent<T extends DisputeEvent['type']>(
  outcome: CommandOutcome<DisputeEvent>,
  type: T,
): DataOf<T> | undefined {
  return outcome.events.find((e) => e.type === type)?.data as DataOf<T> | undefined;
}
