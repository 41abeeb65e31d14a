import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsString, ValidateNested } from 'class-validator';
import { PeriodDto } from '../obligations.dto';

export class AttendeeDto {
  @ApiProperty({ example: 'Anna Nowak', maxLength: 500 })
  @IsString()
  name!: string;

  @ApiProperty({ enum: ['company', 'distributor'] })
  @IsIn(['company', 'distributor'])
  party!: 'company' | 'distributor';
}

export class RecordMeetingDto extends PeriodDto {
  @ApiProperty({ example: '2026-03-28', description: 'YYYY-MM-DD, not in the future' })
  @IsString()
  heldOn!: string;

  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];

  @ApiProperty({ type: [String], example: ['Joint stand at the Poznań fair'] })
  @IsArray()
  @IsString({ each: true })
  decisions!: string[];
}
