import type { Response } from 'express';
import type { PolicyEvent } from '@cl/domain/policy';
import { etag } from '../shared/command/request-context';
import type { CommandOutcome } from '../shared/command/command-pipeline';

/** What every policy command answers: the policy, its new revision (also the ETag) and the events recorded. */
export function policyAnswer(res: Response, policyId: string, outcome: CommandOutcome<PolicyEvent>) {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { policyId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}
