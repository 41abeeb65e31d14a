import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';
import { PeriodDto } from '../obligations.dto';

export class SubmitReportDto extends PeriodDto {
  @ApiProperty({ example: 'March: 14 visits, 3 quotes, 1 order; competitor X discounting in Gdańsk', maxLength: 5000 })
  @IsString()
  summary!: string;

  @ApiProperty({ type: [String], example: ['doc://reports/2026-03/visits.xlsx'], description: 'references to attached documents (at most 50)' })
  @IsArray()
  @IsString({ each: true })
  attachmentRefs!: string[];
}
