import type { Response } from 'express';
import type { ClientEvent } from '@cl/domain/client';
import type { CommandOutcome } from '../shared/command/command-pipeline';
import { etag } from '../shared/command/request-context';

/** What every client command answers: the client, its new revision (also the ETag) and the events recorded. */
export function clientAnswer(res: Response, clientId: string, outcome: CommandOutcome<ClientEvent>) {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { clientId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}
