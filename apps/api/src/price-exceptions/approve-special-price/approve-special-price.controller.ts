import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { SpecialPriceCommandMessage } from '../special-price-command.handler';
import { ApproveSpecialPriceDto } from './approve-special-price.dto';

@ApiTags('price-exceptions')
@Controller('price-exceptions')
export class ApproveSpecialPriceController {
  constructor(private readonly commands: CommandBus) {}

  /** The company approves selling one SKU to one client below the floor, down to `unitPrice`, for a range of dates. */
  @Post()
  @AllowParties('company')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'SpecialPriceApproved, naming the generated `specialPriceId`; Location is set' })
  @ApiConflictResponse({ description: 'SPECIAL_PRICE.ALREADY_EXISTS' })
  @ApiUnprocessableEntityResponse({
    description: 'SPECIAL_PRICE.UNKNOWN_CLIENT, SPECIAL_PRICE.INVALID_COMMAND (e.g. validTo before validFrom)',
  })
  async approve(@Body() dto: ApproveSpecialPriceDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { clientId, sku, unitPrice, validFrom, validTo, reason } = dto;
    const data = {
      clientId,
      specialPriceId: randomUUID(),
      sku,
      unitPrice: { minor: unitPrice.minor, currency: unitPrice.currency },
      validFrom,
      validTo,
      reason,
    };
    const outcome = await this.commands.execute(new SpecialPriceCommandMessage({ type: 'ApproveSpecialPrice', data, context: ctx }, ctx));
    // From the event, not `data`: a retry answered from an earlier write carries the earlier id.
    const approved = outcome.events.find((e) => e.type === 'SpecialPriceApproved');
    const specialPriceId = approved?.data.specialPriceId ?? data.specialPriceId;
    res.setHeader('Location', `/price-exceptions/${specialPriceId}`);
    if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
    return { specialPriceId, clientId, revision: outcome.revision, recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })) };
  }
}
