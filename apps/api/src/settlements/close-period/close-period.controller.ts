import { Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { PeriodClosed } from '@cl/domain/settlement';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { ApiProblem } from '../../shared/problem/problem';
import { PeriodClosedView, PeriodParams } from '../settlement.dto';
import { PeriodClosing } from './period-closing';

@ApiTags('settlements')
@Controller('policies')
export class ClosePeriodController {
  constructor(private readonly closing: PeriodClosing) {}

  /**
   * The company closes an ended plan period: plan, actual (every sale in the log when the request
   * began, net of corrections and cancellations), attainment and bonus are recorded as PeriodClosed,
   * with late changes to periods closed before as adjustments. A period closes once.
   */
  @Post(':id/periods/:period/close')
  @AllowParties('company')
  @ApiCreatedResponse({ type: PeriodClosedView, description: 'PeriodClosed; ETag is the settlement stream revision' })
  @ApiConflictResponse({
    description:
      'SETTLEMENT.PERIOD_ALREADY_CLOSED, SETTLEMENT.PERIOD_NOT_ENDED, SETTLEMENT.NO_TERMS_IN_FORCE (no terms governed at the end of the period), SETTLEMENT.STALE_ACTUALS (a concurrent close counted later sales: retry)',
  })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'SETTLEMENT.UNKNOWN_PERIOD: not a plan period of the policy (names period)' })
  @ApiServiceUnavailableResponse({ description: 'SETTLEMENT.SALES_NOT_CAUGHT_UP: the sales ledger lags; Retry-After says when to retry' })
  async close(
    @Param() { id, period }: PeriodParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PeriodClosedView> {
    const outcome = await this.closing.close(id, period, ctx).catch((error: unknown) => {
      if (error instanceof ApiProblem && typeof error.extensions.retryAfterSeconds === 'number') {
        res.setHeader('Retry-After', String(error.extensions.retryAfterSeconds));
      }
      throw error;
    });
    if (outcome.revision !== null) res.setHeader('ETag', etag(outcome.revision));
    const closed = outcome.events.find((e): e is PeriodClosed => e.type === 'PeriodClosed');
    // The decider either records the close or refuses; an idempotent replay carries the earlier close.
    if (!closed) throw new Error(`Closing ${period} of ${id} recorded no PeriodClosed`);
    return { ...closed.data, revision: outcome.revision ?? 0 };
  }
}
