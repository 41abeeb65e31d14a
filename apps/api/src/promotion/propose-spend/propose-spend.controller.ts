import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { PolicyIdParam } from '../../policies/policy.dto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { promotionAnswer, recordedPromotionEvent, spendPath } from '../promotion-answer';
import { PromotionCommandMessage } from '../promotion-command.handler';
import { ProposeSpendDto } from './propose-spend.dto';

@ApiTags('promotion')
@Controller('policies')
export class ProposeSpendController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party proposes spend against the budget; the amount is committed at once, and the other party decides. */
  @Post(':id/promotion/spends')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'PromotionSpendProposed: `spendId`; Location and ETag (the ledger revision) are set' })
  @ApiConflictResponse({ description: 'PROMOTION.INSUFFICIENT_BALANCE (details: balance, available, requested), PROMOTION.NO_BUDGET' })
  @ApiNotFoundResponse({ description: "POLICY.NOT_FOUND: a distributor proposing on another distributor's budget" })
  @ApiUnprocessableEntityResponse({ description: 'PROMOTION.INVALID_COMMAND, PROMOTION.CURRENCY_MISMATCH (names amount.currency)' })
  async propose(
    @Param() { id }: PolicyIdParam,
    @Body() dto: ProposeSpendDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = {
      policyId: id,
      spendId: randomUUID(),
      activity: dto.activity,
      amount: { minor: dto.amount.minor, currency: dto.amount.currency },
      evidenceRef: dto.evidenceRef,
    };
    const outcome = await this.commands.execute(new PromotionCommandMessage({ type: 'ProposeSpend', data, context: ctx }, ctx));
    const proposed = recordedPromotionEvent(outcome, 'PromotionSpendProposed');
    if (proposed) res.setHeader('Location', spendPath(id, proposed.spendId));
    return { ...promotionAnswer(res, id, outcome), spendId: proposed?.spendId };
  }
}
