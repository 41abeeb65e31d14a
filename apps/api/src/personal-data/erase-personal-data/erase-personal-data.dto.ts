import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_REASON_LENGTH, SUBJECT_PATTERN } from '@cl/personal-data';
import { NormalizedString } from '../../distributors/distributor.dto';

export class SubjectParam {
  @ApiProperty({
    example: 'contact-7f3a',
    pattern: SUBJECT_PATTERN.source,
    description: 'Pseudonymous id of the data subject (never a name or e-mail)',
  })
  @Matches(SUBJECT_PATTERN, { message: "subject must be 1–128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit" })
  subject!: string;
}

export class ErasePersonalDataDto {
  @ApiProperty({
    example: 'Data subject request DSR-2026-042',
    minLength: 1,
    maxLength: MAX_REASON_LENGTH,
    description: 'Why the data is erased. Recorded for ever in the event log: reference the request, do not name the person.',
  })
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REASON_LENGTH)
  // One line of text, as names are: control characters would forge lines in reports and logs.
  @Matches(/^\P{Cc}*$/u, { message: 'reason must not contain control characters such as line breaks or tabs' })
  reason!: string;
}

export class ErasureView {
  @ApiProperty({ example: 'contact-7f3a' }) subject!: string;
  @ApiProperty({ format: 'date-time', description: 'When the key was shredded (the first time, on a repeated request)' })
  shreddedAt!: string;
}
