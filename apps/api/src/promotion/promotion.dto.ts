/** DTO pieces the promotion routes share. The domain re-checks each value and names the field it refuses. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PROMOTION_LIMITS } from '@cl/domain/promotion';
import { ID_PATTERN, NormalizedString } from '../distributors/distributor.dto';
import { PolicyIdParam } from '../policies/policy.dto';

export class SpendParams extends PolicyIdParam {
  @ApiProperty({
    example: '3f1c9a7e-2b4d-4e8f-9a61-0c5d7e2b8f14',
    pattern: ID_PATTERN.source,
    description: 'as answered by POST /policies/:id/promotion/spends',
  })
  @Matches(ID_PATTERN, { message: 'sid must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  sid!: string;
}

/** An amount of the budget's currency; whether it may be zero is the command's to say (a proposal: at least 1). */
export class AmountDto {
  @ApiProperty({ example: 1_500_00, description: 'integer minor units (grosze, cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minor!: number;

  @ApiProperty({ example: 'PLN', pattern: '^[A-Z]{3}$', description: "the budget's currency (the policy's settlement currency)" })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency!: string;
}

/** Free text of one spend (trimmed, 1 to `max` characters). */
export const SpendText = (max: number, example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ example, minLength: 1, maxLength: max, description }),
    NormalizedString(),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

export { PROMOTION_LIMITS };
