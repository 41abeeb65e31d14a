import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { saleAnswer } from '../sale-answer';
import { SaleCommandMessage } from '../sale-command.handler';
import { SaleIdParam } from '../sale.dto';
import { CancelSaleDto } from './cancel-sale.dto';

@ApiTags('sales')
@Controller('sales')
export class CancelSaleController {
  constructor(private readonly commands: CommandBus) {}

  /** The seller cancels its recorded sale, saying why: SaleCancelled; the sale leaves the actuals, its history stays. */
  @Post(':id/cancellation')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the ETag of the sale' })
  @ApiCreatedResponse({ description: 'SaleCancelled (names the cancelled `previousTotal`); ETag is set' })
  @ApiConflictResponse({ description: 'SALE.CANCELLED (already), SALE.NOT_RECORDED (a refused sale)' })
  @ApiForbiddenResponse({ description: 'SALE.NOT_SELLER: only the side that sold cancels its sale' })
  @ApiNotFoundResponse({ description: 'SALE.NOT_FOUND, also for a sale a distributor may not see' })
  async cancel(
    @Param() { id }: SaleIdParam,
    @Body() dto: CancelSaleDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { saleId: id, reason: dto.reason };
    const outcome = await this.commands.execute(new SaleCommandMessage({ type: 'CancelSale', data, context: ctx }, ctx));
    res.setHeader('Location', `/sales/${id}`);
    return saleAnswer(res, id, outcome);
  }
}
