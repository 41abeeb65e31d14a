import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { PolicyStatus } from '@cl/domain/policy';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { POLICY_STATUSES } from '../policy-view.dto';

export const MAX_LIMIT = 100;
/** Deep offsets make the store skip ever more documents per request; beyond this, narrow the filters. */
export const MAX_OFFSET = 10_000;

/**
 * Query strings arrive as text: only a plain integer becomes a number, anything else ('1e2', '', a
 * repeated parameter) stays as it came and fails @IsInt with a 422 naming the parameter.
 */
const IntegerParam = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));

export class ListPoliciesParams {
  @ApiPropertyOptional({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: 'a distributor sees only its own policies whatever this says',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId?: string;

  @ApiPropertyOptional({ example: 2026, minimum: 2000, maximum: 9998 })
  @IsOptional()
  @IntegerParam()
  @IsInt()
  @Min(2000)
  @Max(9998)
  year?: number;

  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @IsOptional()
  @IsIn(POLICY_STATUSES, { message: `status must be one of ${POLICY_STATUSES.join(', ')}` })
  status?: PolicyStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: 20 })
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = 20;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}
