import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class RecordEvidenceDto {
  @ApiProperty({ example: 'Anna Nowak certified Pump systems level 2', maxLength: 500 })
  @IsString()
  what!: string;

  @ApiProperty({ example: '2026-05-14', description: 'the day it happened (YYYY-MM-DD), judged against the due date; not in the future' })
  @IsString()
  when!: string;

  @ApiProperty({ example: 'doc://certificates/2026/anna-nowak.pdf', maxLength: 500 })
  @IsString()
  documentRef!: string;

  @ApiPropertyOptional({ example: 1, minimum: 1, description: 'employees covered (a staff qualification only); 1 when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  count?: number;
}
