/** The parameters of GET /events. Each refusal is a 422 naming the parameter (or the header). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import type { Request } from 'express';
import type { AllFilter } from '@cl/event-store';
import { ValidationProblem } from '../shared/problem/problem';
import { EVENT_SCOPES } from './event-visibility';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1000;
/** Positions are integers up to 2^53 − 1 (EventStoreDB commit positions included). */
const POSITION = /^\d{1,16}$/;

/** Every type the feed may carry: exactly the classified ones (event-visibility.spec.ts keeps them equal to the domain's). */
export const FEED_TYPES: readonly string[] = Object.keys(EVENT_SCOPES);

/** Only a plain integer becomes a number; anything else stays text and fails @IsInt naming the parameter. */
const IntegerParam = () => Transform(({ value }) => (typeof value === 'string' && POSITION.test(value) ? Number(value) : value));

const typeList = (value: string): string[] => value.split(',').filter((t) => t.length > 0);

const KnownTypes = () =>
  ValidateBy({
    name: 'knownEventTypes',
    validator: {
      validate: (value) => typeof value === 'string' && typeList(value).every((t) => FEED_TYPES.includes(t)),
      defaultMessage: (args) => {
        const unknown = typeList(String(args?.value ?? '')).filter((t) => !FEED_TYPES.includes(t));
        return `types names unknown event types: ${unknown.slice(0, 5).join(', ').slice(0, 200)}`;
      },
    },
  });

export class FeedQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'exclusive: events strictly after this position (`next` of the previous page)' })
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  from: number = 0;

  @ApiPropertyOptional({ example: 'ClientClaimed,SaleRecorded', description: 'comma-separated event types; absent or empty: every type' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @KnownTypes()
  types?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: FEED_MAX_LIMIT, default: FEED_DEFAULT_LIMIT, description: 'most events in the page (JSON only)' })
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(FEED_MAX_LIMIT)
  limit: number = FEED_DEFAULT_LIMIT;
}

/** The store filter for `types`; undefined = every type. */
export function typeFilter(types: string | undefined): AllFilter | undefined {
  const list = [...new Set(typeList(types ?? ''))];
  return list.length > 0 ? { eventTypes: list } : undefined;
}

/**
 * The position an EventSource reconnects after (its `Last-Event-ID` header: the `id` of the last
 * message it received). Takes precedence over `from`; absent or empty: none.
 */
export function lastEventId(req: Request): number | undefined {
  const header = req.headers['last-event-id'];
  if (header === undefined || header === '') return undefined;
  const value = typeof header === 'string' ? header.trim() : '';
  if (POSITION.test(value) && Number(value) <= Number.MAX_SAFE_INTEGER) return Number(value);
  throw new ValidationProblem([{ field: 'Last-Event-ID', message: 'must be a position: the id of the last message received' }]);
}
