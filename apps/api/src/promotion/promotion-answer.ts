import type { Response } from 'express';
import type { PromotionEvent } from '@cl/domain/promotion';
import type { CommandOutcome } from '../shared/command/command-pipeline';
import { etag } from '../shared/command/request-context';

/** What every promotion command answers: the ledger's new revision (also the ETag) and the events recorded. */
export function promotionAnswer(res: Response, policyId: string, outcome: CommandOutcome<PromotionEvent>) {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { policyId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}

type DataOf<T extends PromotionEvent['type']> = Extract<PromotionEvent, { type: T }>['data'];

/**
 * The data of the event of that type a command recorded. Answers take ids from here, not from what the
 * controller generated: a retry answered from an earlier write carries the earlier ids.
 */
export function recordedPromotionEvent<T extends PromotionEvent['type']>(
  outcome: CommandOutcome<PromotionEvent>,
  type: T,
): DataOf<T> | undefined {
  return outcome.events.find((e) => e.type === type)?.data as DataOf<T> | undefined;
}

export const spendPath = (policyId: string, spendId: string) => `/policies/${policyId}/promotion/spends/${spendId}`;
