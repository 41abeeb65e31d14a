import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { DISPUTE_LIMITS, type DisputeSubject } from '@cl/domain/dispute';
import { assertNever } from '@cl/domain/shared/types';
import { SideDto } from '../../clients/client.dto';
import { ID_PATTERN, NormalizedString } from '../../distributors/distributor.dto';
import { DisputeTextProperty } from '../dispute.dto';

export const SUBJECT_KINDS = ['client', 'sale', 'price'] as const;
type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** Product codes as price floors name them: one line, no spaces at either end, at most 64 characters. */
const SKU_PATTERN = /^[^\p{Cc}\s](?:[^\p{Cc}]{0,62}[^\p{Cc}\s])?$/u;
const ID_MESSAGE = 'must be 1–64 letters, digits, _ or -, starting with a letter or digit';

/** A member that belongs to one kind of subject only: refused, not dropped, when sent with another. */
const OnlyForKind = (kind: SubjectKind) =>
  ValidateBy({
    name: 'onlyForKind',
    validator: {
      validate: (_value, args) => (args?.object as DisputeSubjectDto).kind === kind,
      defaultMessage: (args) => `${args?.property} is given only for a ${kind} subject`,
    },
  });

/** What the dispute is about: `kind` says which members it has. */
export class DisputeSubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS, example: 'client' })
  @IsIn(SUBJECT_KINDS, { message: `kind must be one of ${SUBJECT_KINDS.join(', ')}` })
  kind!: SubjectKind;

  @ApiPropertyOptional({
    example: 'c-warsaw-bakeries',
    pattern: ID_PATTERN.source,
    description: 'required for a client subject, optional for a sale or price; the client must be one the caller may see',
  })
  @ValidateIf((o: DisputeSubjectDto) => o.kind === 'client' || o.clientId !== undefined)
  @IsDefined({ message: 'clientId is required for a client subject' })
  @IsString()
  @Matches(ID_PATTERN, { message: `clientId ${ID_MESSAGE}` })
  clientId?: string;

  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    description: 'required for a sale subject, only there; recorded as given (sales are not recorded yet, so it is not looked up)',
  })
  @ValidateIf((o: DisputeSubjectDto) => o.kind === 'sale' || o.saleId !== undefined)
  @IsDefined({ message: 'saleId is required for a sale subject' })
  @OnlyForKind('sale')
  @IsString()
  @Matches(ID_PATTERN, { message: `saleId ${ID_MESSAGE}` })
  saleId?: string;

  @ApiPropertyOptional({ maxLength: DISPUTE_LIMITS.sku, description: 'required for a price subject, only there: the product code' })
  @ValidateIf((o: DisputeSubjectDto) => o.kind === 'price' || o.sku !== undefined)
  @IsDefined({ message: 'sku is required for a price subject' })
  @OnlyForKind('price')
  @NormalizedString()
  @IsString()
  @Matches(SKU_PATTERN, { message: `sku must be one line of 1–${DISPUTE_LIMITS.sku} characters` })
  sku?: string;
}

export class OpenDisputeDto {
  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    description:
      'Optional; generated when absent (derived from the Idempotency-Key when one is sent). Opening again with the same id, subject and parties records nothing.',
  })
  @IsOptional()
  @NormalizedString()
  @IsString()
  @Matches(ID_PATTERN, { message: `disputeId ${ID_MESSAGE}` })
  disputeId?: string;

  @ApiProperty({ type: DisputeSubjectDto })
  @IsObject({ message: 'subject must be an object' })
  @ValidateNested()
  @Type(() => DisputeSubjectDto)
  subject!: DisputeSubjectDto;

  @DisputeTextProperty({
    example: 'We have served this client since 2024; the company claimed it in March',
    max: DISPUTE_LIMITS.summary,
    multiline: true,
  })
  summary!: string;

  @ApiPropertyOptional({
    type: SideDto,
    description:
      "the other party. Default: the client's owner (client subject, when that is not the caller), else the company for a distributor; the company names it otherwise",
  })
  @IsOptional()
  @IsObject({ message: 'counterparty must be an object' })
  @ValidateNested()
  @Type(() => SideDto)
  counterparty?: SideDto;
}

export function subjectOf(dto: DisputeSubjectDto): DisputeSubject {
  const client = dto.clientId !== undefined ? { clientId: dto.clientId } : {};
  switch (dto.kind) {
    case 'client':
      return { kind: 'client', clientId: dto.clientId ?? '' };
    case 'sale':
      return { kind: 'sale', saleId: dto.saleId ?? '', ...client };
    case 'price':
      return { kind: 'price', sku: dto.sku ?? '', ...client };
    default:
      return assertNever(dto.kind);
  }
}
