import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { recordedSaleEvent, saleAnswer } from '../sale-answer';
import { SaleCommandMessage } from '../sale-command.handler';
import { NO_CONTEXT } from '../sale-context';
import { linesOf, SaleIdParam } from '../sale.dto';
import { CorrectSaleDto } from './correct-sale.dto';

@ApiTags('sales')
@Controller('sales')
export class CorrectSaleController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The seller replaces the lines of its recorded sale, judged by the same rules against the policies,
   * ownership and special prices of the sale's original date. Recorded as SaleCorrected with the
   * difference (`delta`); the original SaleRecorded stays in the history.
   */
  @Post(':id/corrections')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the ETag of the sale' })
  @ApiCreatedResponse({ description: 'SaleCorrected (names `delta`, `previousTotal`); ETag is set' })
  @ApiConflictResponse({
    description:
      'SALE.BELOW_FLOOR (nothing recorded: the sale stands as it was), SALE.CANCELLED, SALE.NOT_RECORDED, SALE.NOTHING_TO_CORRECT',
  })
  @ApiForbiddenResponse({ description: 'SALE.NOT_SELLER: only the side that sold corrects its sale' })
  @ApiNotFoundResponse({ description: 'SALE.NOT_FOUND, also for a sale a distributor may not see' })
  async correct(
    @Param() { id }: SaleIdParam,
    @Body() dto: CorrectSaleDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { saleId: id, lines: linesOf(dto.lines), reason: dto.reason, sale: NO_CONTEXT };
    const outcome = await this.commands.execute(new SaleCommandMessage({ type: 'CorrectSale', data, context: ctx }, ctx));
    const corrected = recordedSaleEvent(outcome, 'SaleCorrected');
    res.setHeader('Location', `/sales/${id}`);
    return { ...saleAnswer(res, id, outcome), total: corrected?.total, delta: corrected?.delta };
  }
}
