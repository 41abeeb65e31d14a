/** DTO pieces the price-exception routes share; the domain re-checks each value and names the field. */
import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import { Matches } from 'class-validator';
import { ID_PATTERN } from '../distributors/distributor.dto';
import { ApiProblem } from '../shared/problem/problem';

export class SpecialPriceIdParam {
  @ApiProperty({ example: '0b9c5d7e-2f4a-4c1e-9a61-0d3b8e6f2a10', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  id!: string;
}

/** A 503 that says when to retry carries Retry-After; the problem itself is answered as usual. */
export function withRetryAfter(res: Response) {
  return (error: unknown): never => {
    if (error instanceof ApiProblem && typeof error.extensions.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(error.extensions.retryAfterSeconds));
    }
    throw error;
  };
}
