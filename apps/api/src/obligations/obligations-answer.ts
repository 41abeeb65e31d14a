import type { Response } from 'express';
import type { ObligationsEvent } from '@cl/domain/obligations';
import type { CommandOutcome } from '../shared/command/command-pipeline';
import { etag } from '../shared/command/request-context';

/** What every obligations command answers: the stream's new revision (also the ETag) and the events recorded. */
export function obligationsAnswer(res: Response, policyId: string, outcome: CommandOutcome<ObligationsEvent>) {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { policyId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}
