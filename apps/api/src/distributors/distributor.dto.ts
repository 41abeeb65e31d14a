import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Strings are trimmed and NFC-normalised before validation, so "Acme " and "Acme" are one name. */
export const NormalizedString = () => Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const TERRITORY_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export class DistributorNameDto {
  @ApiProperty({ example: 'Acme Distribution Sp. z o.o.', minLength: 1, maxLength: 200 })
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  // A name is one line of text: control characters (line breaks, ESC sequences) would forge lines in reports and logs.
  @Matches(/^\P{Cc}*$/u, { message: 'name must not contain control characters such as line breaks or tabs' })
  name!: string;
}

export class DistributorView {
  @ApiProperty({ example: 'acme' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], example: ['PL-MZ'] }) territories!: string[];
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ description: 'Stream revision; send it back as If-Match' }) revision!: number;
}

export const TerritoryCodes = () => [
  IsArray(),
  ArrayMinSize(1),
  ArrayMaxSize(100),
  Matches(TERRITORY_PATTERN, { each: true, message: 'each territory must be an ISO 3166 code such as PL or PL-MZ' }),
];

export function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
