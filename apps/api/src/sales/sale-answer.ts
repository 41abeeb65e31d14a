import type { Response } from 'express';
import { SaleErrors, type SaleEvent } from '@cl/domain/sales';
import type { CommandOutcome } from '../shared/command/command-pipeline';
import { etag } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

export interface SaleAnswer {
  saleId: string;
  revision: number | null;
  recorded: Array<{ type: string; data: unknown }>;
}

/** What every sale command answers: the sale, its new revision (also the ETag) and the events recorded. */
export function saleAnswer(res: Response, saleId: string, outcome: CommandOutcome<SaleEvent>): SaleAnswer {
  if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
  return { saleId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
}

type DataOf<T extends SaleEvent['type']> = Extract<SaleEvent, { type: T }>['data'];

/** The data of the event of that type a command recorded (from an earlier write, when the request was a retry). */
export function recordedSaleEvent<T extends SaleEvent['type']>(outcome: CommandOutcome<SaleEvent>, type: T): DataOf<T> | undefined {
  return outcome.events.find((e) => e.type === type)?.data as DataOf<T> | undefined;
}

/**
 * A sale below the floor is refused AND recorded (SaleRefused: compliance must see who tried what):
 * the 409 names the violations, and — unlike other refusals, which write nothing — what it recorded.
 */
export function belowFloor(refusal: DataOf<'SaleRefused'>, answer: SaleAnswer): ApiProblem {
  const error = SaleErrors.belowFloor(refusal.saleId, refusal.violations);
  return new ApiProblem(409, error.code, error.message, { ...error.details, revision: answer.revision, recorded: answer.recorded });
}
