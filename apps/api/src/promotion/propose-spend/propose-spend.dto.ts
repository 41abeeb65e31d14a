import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AmountDto, PROMOTION_LIMITS, SpendText } from '../promotion.dto';

export class ProposeSpendDto {
  @SpendText(PROMOTION_LIMITS.activity, 'In-store pump demonstration days, Warsaw, Q2', 'what the money is for')
  activity!: string;

  @ApiProperty({ type: AmountDto, description: 'at least 1 minor unit, in the budget currency, at most what is available' })
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount!: AmountDto;

  @SpendText(PROMOTION_LIMITS.evidenceRef, 'doc://promotion/2026/demo-days-quote.pdf', 'a reference to the quote or plan behind it')
  evidenceRef!: string;
}
