import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { belowFloor, recordedSaleEvent, saleAnswer } from '../sale-answer';
import { SaleCommandMessage } from '../sale-command.handler';
import { NO_CONTEXT } from '../sale-context';
import { linesOf } from '../sale.dto';
import { RecordSaleDto } from './record-sale.dto';

@ApiTags('sales')
@Controller('sales')
export class RecordSaleController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The caller's side sells; the floors, currency and plan period come from the governing policy in
   * force on the sale date (the seller's own for a distributor; those covering the client's territory
   * for the company). A sale to a client the seller did not own that day is recorded, flagged as a
   * channel conflict. Below the floor without a valid special price: refused, and the refusal recorded.
   */
  @Post()
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    description: 'SaleRecorded (with `channelConflict` when the seller did not own the client); Location and ETag are set',
  })
  @ApiConflictResponse({
    description:
      'SALE.BELOW_FLOOR (names `violations`; the SaleRefused it recorded is in `recorded`), SALE.NO_POLICY_IN_FORCE, SALE.ALREADY_RECORDED',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'SALE.UNKNOWN_CLIENT (also for a client the distributor may not see), SALE.CURRENCY_MISMATCH (names `currency`), SALE.INVALID_COMMAND',
  })
  async record(@Body() dto: RecordSaleDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { clientId, date, currency } = dto;
    const data = { saleId: dto.saleId ?? '', clientId, date, currency, lines: linesOf(dto.lines), sale: NO_CONTEXT };
    const outcome = await this.commands.execute(new SaleCommandMessage({ type: 'RecordSale', data, context: ctx }, ctx));
    const answer = saleAnswer(res, outcome.saleId, outcome);
    const refusal = recordedSaleEvent(outcome, 'SaleRefused');
    if (refusal) throw belowFloor(refusal, answer);
    const sale = recordedSaleEvent(outcome, 'SaleRecorded');
    res.setHeader('Location', `/sales/${outcome.saleId}`);
    return { ...answer, total: sale?.total, channelConflict: sale?.channelConflict ?? null };
  }
}
