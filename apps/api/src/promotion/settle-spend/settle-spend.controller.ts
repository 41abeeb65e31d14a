import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { promotionAnswer } from '../promotion-answer';
import { PromotionCommandMessage } from '../promotion-command.handler';
import { SpendParams } from '../promotion.dto';
import { SettleSpendDto } from './settle-spend.dto';

@ApiTags('promotion')
@Controller('policies')
export class SettleSpendController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party records that an approved spend was carried out, with proof and what it actually cost. */
  @Post(':id/promotion/spends/:sid/settlement')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'PromotionSpendSettled; ETag is the ledger revision' })
  @ApiConflictResponse({ description: 'PROMOTION.SPEND_NOT_APPROVED, PROMOTION.ABOVE_APPROVED' })
  @ApiNotFoundResponse({ description: "PROMOTION.SPEND_NOT_FOUND; POLICY.NOT_FOUND for another distributor's budget" })
  @ApiUnprocessableEntityResponse({ description: 'PROMOTION.INVALID_COMMAND, PROMOTION.CURRENCY_MISMATCH (names amount.currency)' })
  async settle(
    @Param() { id, sid }: SpendParams,
    @Body() dto: SettleSpendDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const amount = dto.amount ? { minor: dto.amount.minor, currency: dto.amount.currency } : undefined;
    const data = { policyId: id, spendId: sid, proofRef: dto.proofRef, ...(amount ? { amount } : {}) };
    return promotionAnswer(
      res,
      id,
      await this.commands.execute(new PromotionCommandMessage({ type: 'SettleSpend', data, context: ctx }, ctx)),
    );
  }
}
