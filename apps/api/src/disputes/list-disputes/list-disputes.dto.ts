import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import type { DisputeSubject } from '@cl/domain/dispute/events';
import { toMillis } from '@cl/domain/policy';
import type { DisputeStatus } from '@cl/projections/disputes/disputes.projection';
import { IsInstantOrDate, PageParams, SIDE_KEY_PATTERN } from '../../clients/read-params';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { DISPUTE_STATUSES } from '../dispute-view.dto';
import { SUBJECT_KINDS } from '../open-dispute/open-dispute.dto';

/**
 * Every kind a dispute's subject can have: those a party opens directly, and `obligation` (opened by
 * the evidence-dispute process). The line after it stops compiling if the domain adds a kind.
 */
const LISTED_SUBJECT_KINDS = [...SUBJECT_KINDS, 'obligation'] as const;
void (true satisfies Exclude<DisputeSubject['kind'], (typeof LISTED_SUBJECT_KINDS)[number]> extends never ? true : never);

const PERIOD = 'a date (read as 00:00 UTC) or an ISO instant with an offset';

/** `openedTo` must lie after `openedFrom` when both are given; either alone is fine. */
const IsAfterOpenedFrom = () =>
  ValidateBy({
    name: 'isAfterOpenedFrom',
    validator: {
      validate: (to, args) => {
        const { openedFrom } = args?.object as ListDisputesParams;
        if (typeof openedFrom !== 'string' || typeof to !== 'string') return true;
        const [start, end] = [toMillis(openedFrom), toMillis(to)];
        // An unreadable bound is refused by its own check, naming it.
        return Number.isNaN(start) || Number.isNaN(end) || end > start;
      },
      defaultMessage: () => 'openedTo must be later than openedFrom',
    },
  });

export class ListDisputesParams extends PageParams {
  @ApiPropertyOptional({
    example: 'distributor:acme',
    pattern: SIDE_KEY_PATTERN.source,
    description:
      "disputes this side is a party to: 'company' or 'distributor:<id>'. A distributor sees only its own disputes whatever this says",
  })
  @IsOptional()
  @Matches(SIDE_KEY_PATTERN, { message: "party must be 'company' or 'distributor:<id>'" })
  party?: string;

  @ApiPropertyOptional({ enum: DISPUTE_STATUSES })
  @IsOptional()
  @IsIn(DISPUTE_STATUSES, { message: `status must be one of ${DISPUTE_STATUSES.join(', ')}` })
  status?: DisputeStatus;

  @ApiPropertyOptional({ enum: LISTED_SUBJECT_KINDS })
  @IsOptional()
  @IsIn(LISTED_SUBJECT_KINDS, { message: `subjectKind must be one of ${LISTED_SUBJECT_KINDS.join(', ')}` })
  subjectKind?: DisputeSubject['kind'];

  @ApiPropertyOptional({
    example: 'c-warsaw-bakeries',
    pattern: ID_PATTERN.source,
    description: 'disputes whose subject names this client',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: `disputes opened at or after this instant: ${PERIOD}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  openedFrom?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: `disputes opened before this instant (exclusive): ${PERIOD}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  @IsAfterOpenedFrom()
  openedTo?: string;
}
