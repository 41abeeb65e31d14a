import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { SpecialPriceCommandMessage } from '../special-price-command.handler';
import { SpecialPriceIdParam, withRetryAfter } from '../special-price.dto';
import { RevokeSpecialPriceDto } from './revoke-special-price.dto';

@ApiTags('price-exceptions')
@Controller('price-exceptions')
export class RevokeSpecialPriceController {
  constructor(private readonly commands: CommandBus) {}

  /** The company ends a special price early; sales already recorded under it stand. */
  @Post(':id/revocation')
  @AllowParties('company')
  @ApiCreatedResponse({ description: 'SpecialPriceRevoked' })
  @ApiConflictResponse({ description: 'SPECIAL_PRICE.ALREADY_REVOKED' })
  @ApiNotFoundResponse({ description: 'SPECIAL_PRICE.NOT_FOUND' })
  @ApiServiceUnavailableResponse({
    description: 'SPECIAL_PRICE.NOT_CAUGHT_UP: the special prices lag behind the log; Retry-After says when to retry',
  })
  async revoke(
    @Param() { id }: SpecialPriceIdParam,
    @Body() dto: RevokeSpecialPriceDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The client is looked up by the handler (from the price's id); '' until then.
    const data = { clientId: '', specialPriceId: id, effectiveFrom: dto.effectiveFrom, reason: dto.reason };
    const outcome = await this.commands
      .execute(new SpecialPriceCommandMessage({ type: 'RevokeSpecialPrice', data, context: ctx }, ctx))
      .catch(withRetryAfter(res));
    if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
    res.setHeader('Location', `/price-exceptions/${id}`);
    return {
      specialPriceId: id,
      clientId: outcome.clientId,
      revision: outcome.revision,
      recorded: outcome.events.map((e) => ({ type: e.type, data: e.data })),
    };
  }
}
