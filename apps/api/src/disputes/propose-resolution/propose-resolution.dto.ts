import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { OutcomeDto } from '../dispute.dto';

export class ProposeResolutionDto {
  @ApiProperty({ type: OutcomeDto })
  @IsObject({ message: 'outcome must be an object' })
  @ValidateNested()
  @Type(() => OutcomeDto)
  outcome!: OutcomeDto;
}
