import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { AmountDto, PROMOTION_LIMITS, SpendText } from '../promotion.dto';

export class SettleSpendDto {
  @SpendText(PROMOTION_LIMITS.proofRef, 'doc://promotion/2026/demo-days-invoice-0412.pdf', 'the invoice or report proving the spend')
  proofRef!: string;

  @ApiPropertyOptional({
    type: AmountDto,
    description: 'what was actually spent, at most the approved amount (default: the approved amount); the rest returns to the balance',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount?: AmountDto;
}
