/** Query-string pieces every client read shares: paging, instants, side keys. Each refusal is a 422 naming the parameter. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { toMillis } from '@cl/domain/policy';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** Deep offsets make the store skip ever more documents per request; beyond this, narrow the filters. */
export const MAX_OFFSET = 10_000;

/** 'company' or 'distributor:<id>', as `sideKey` writes it. */
export const SIDE_KEY_PATTERN = /^(company|distributor:[A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;

/**
 * Query strings arrive as text: only a plain integer becomes a number; anything else ('1e2', '', a
 * repeated parameter) stays as it came and fails @IsInt with a 422 naming the parameter.
 */
const IntegerParam = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));

/** Accepted exactly as the domain reads an instant: a date (00:00 UTC) or an ISO instant with an offset. */
export const IsInstantOrDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstantOrDate',
      validator: {
        validate: (value) => typeof value === 'string' && value.length <= 40 && !Number.isNaN(toMillis(value)),
        defaultMessage: (args) => `${args?.property} must be a date (2026-03-01) or an ISO instant with an offset (2026-03-01T12:00:00Z)`,
      },
    },
    options,
  );

/** The instant a validated date or instant names, as an ISO string (comparable as text with the stored instants). */
export const isoInstant = (value: string | Date): string => new Date(toMillis(value)).toISOString();

export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = DEFAULT_LIMIT;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}
