import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, ValidateNested } from 'class-validator';
import { AmountDto } from '../../promotion/promotion.dto';
import { PeriodDto } from '../obligations.dto';

export class RecordPaymentDto extends PeriodDto {
  @ApiProperty({ type: AmountDto, description: "at most the settlement's outstanding amount, in its currency" })
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount!: AmountDto;

  @ApiProperty({ example: '2026-04-20', description: 'YYYY-MM-DD, not in the future' })
  @IsString()
  paidOn!: string;

  @ApiProperty({ example: 'TRF/2026/04/0042', description: "the transfer's reference, unique within the policy" })
  @IsString()
  reference!: string;
}
