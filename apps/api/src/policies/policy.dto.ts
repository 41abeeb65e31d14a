import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { sampleTerms } from '@cl/domain/policy/example-terms';
import { NormalizedString } from '../distributors/distributor.dto';

export const POLICY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}-\d{4}$/;

export class PolicyIdParam {
  @ApiProperty({ example: 'acme-2026', pattern: POLICY_ID_PATTERN.source, description: '<distributorId>-<year>' })
  @Matches(POLICY_ID_PATTERN, { message: 'id must be a policy id such as acme-2026' })
  id!: string;
}

/**
 * The terms are one JSON object validated by the domain (`validateTerms`), which names each bad field
 * as `terms.<path>` in a 422: one rule set, whichever door the terms come through.
 */
export const TermsProperty = () =>
  applyDecorators(
    ApiProperty({ type: 'object', additionalProperties: true, example: sampleTerms(), description: 'the policy terms (docs/policies.md)' }),
    IsObject({ message: 'terms must be an object' }),
  );

export const TermsHashProperty = () =>
  applyDecorators(
    ApiProperty({ example: 'sha256:9b4e6f0c1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4', description: 'the hash of the terms version being signed, as shown by GET /policies/:id' }),
    IsString(),
    Matches(/^sha256:[0-9a-f]{64}$/, { message: 'termsHash must be sha256: followed by 64 hex digits' }),
  );

export const ReasonProperty = (required: boolean) =>
  applyDecorators(
    ApiProperty({ required, example: 'Distributor exits the market', minLength: 1, maxLength: 500 }),
    NormalizedString(),
    IsString(),
    MinLength(1),
    MaxLength(500),
  );

export class AmendmentParams extends PolicyIdParam {
  @ApiProperty({ example: 1, minimum: 1 })
  @Matches(/^[1-9]\d{0,5}$/, { message: 'n must be an amendment number such as 1' })
  n!: string;
}

