/** Path parameters and the shared parts of the obligations request bodies. The domain checks content (validate.ts). */
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { PolicyIdParam } from '../policies/policy.dto';

/** Obligation ids are derived from their source ('qual:<role>:<qualification>'): they hold ':' and spaces, never '/'. */
export const OBLIGATION_ID_PATTERN = /^[^/\u0000-\u001f\u007f]{1,200}$/;
/** A period of a cadence: 2026-03 (month), 2026-Q1, 2026-H1, 2026-W05, or 2026 (year). */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|W\d{2}))?$/;
const EVIDENCE_ID_PATTERN = /^[A-Za-z0-9-]{1,100}$/;

export class ObligationParams extends PolicyIdParam {
  @ApiProperty({ example: 'qual:sales engineer:Pump systems level 2', pattern: OBLIGATION_ID_PATTERN.source, description: 'URL-encoded obligation id' })
  @Matches(OBLIGATION_ID_PATTERN, { message: 'oid must be an obligation id such as qual:sales engineer:Pump systems level 2' })
  oid!: string;
}

export class EvidenceParams extends ObligationParams {
  @ApiProperty({ example: '7d2c1a0e-4b7f-4a8e-9f51-0c6f2d1f8a11', pattern: EVIDENCE_ID_PATTERN.source })
  @Matches(EVIDENCE_ID_PATTERN, { message: 'eid must be an evidence id' })
  eid!: string;
}

export class ReportParams extends PolicyIdParam {
  @ApiProperty({ example: '2026-03', pattern: PERIOD_PATTERN.source })
  @Matches(PERIOD_PATTERN, { message: 'period must be a period such as 2026-03 or 2026-Q1' })
  period!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Certificate issued by an unaccredited body', maxLength: 500 })
  @IsString()
  reason!: string;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-03', pattern: PERIOD_PATTERN.source })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'period must be a period such as 2026-03 or 2026-Q1' })
  period!: string;
}
