/** DTO pieces the client command routes share. The domain re-checks each value and names the field it refuses. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_REASON } from '@cl/domain/client';
import { ID_PATTERN, NormalizedString } from '../distributors/distributor.dto';
import { ClientIdParam } from './client.dto';

export class TransferRequestParams extends ClientIdParam {
  @ApiProperty({
    example: '3f1c9a7e-2b4d-4e8f-9a61-0c5d7e2b8f14',
    pattern: ID_PATTERN.source,
    description: 'as answered by POST /clients/:id/transfers',
  })
  @Matches(ID_PATTERN, { message: 'requestId must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  requestId!: string;
}

/** Free text a person writes (line breaks allowed), trimmed, 1–1000 characters. */
export const ClientReasonProperty = (required: boolean, example = 'The client asked to be served by its regional distributor') =>
  applyDecorators(
    ApiProperty({ required, example, minLength: 1, maxLength: MAX_REASON }),
    NormalizedString(),
    IsString(),
    MinLength(1),
    MaxLength(MAX_REASON),
  );
