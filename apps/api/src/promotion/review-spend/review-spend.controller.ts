import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { promotionAnswer } from '../promotion-answer';
import { PromotionCommandMessage } from '../promotion-command.handler';
import { SpendParams } from '../promotion.dto';
import { RejectSpendDto } from './review-spend.dto';

const CONFLICTS = 'PROMOTION.OWN_PROPOSAL (the proposer never decides), PROMOTION.SPEND_NOT_PENDING (already decided)';
const NOT_FOUND = "PROMOTION.SPEND_NOT_FOUND; POLICY.NOT_FOUND for another distributor's budget";

/** The party that did not propose a spend decides on it: approval keeps it committed, rejection frees the amount. */
@ApiTags('promotion')
@Controller('policies')
export class ReviewSpendController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/promotion/spends/:sid/approval')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'PromotionSpendApproved; ETag is the ledger revision' })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async approve(@Param() { id, sid }: SpendParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const command = { type: 'ApproveSpend', data: { policyId: id, spendId: sid }, context: ctx } as const;
    return promotionAnswer(res, id, await this.commands.execute(new PromotionCommandMessage(command, ctx)));
  }

  @Post(':id/promotion/spends/:sid/rejection')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'PromotionSpendRejected; the amount returns to the balance' })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async reject(
    @Param() { id, sid }: SpendParams,
    @Body() dto: RejectSpendDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = { type: 'RejectSpend', data: { policyId: id, spendId: sid, reason: dto.reason }, context: ctx } as const;
    return promotionAnswer(res, id, await this.commands.execute(new PromotionCommandMessage(command, ctx)));
  }
}
