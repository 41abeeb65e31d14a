import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { PolicyIdParam } from '../../policies/policy.dto';
import { RecordPaymentDto } from './record-payment.dto';

@ApiTags('obligations')
@Controller('policies')
export class RecordPaymentController {
  constructor(private readonly commands: CommandBus) {}

  /** The company records a payment (or an instalment) of a period's settlement. */
  @Post(':id/payments')
  @AllowParties('company')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'RecordPayment recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.PAYMENT_NOT_EXPECTED, PAYMENT_EXCEEDS_OUTSTANDING, PAYMENT_EXISTS' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async record(@Param() params: PolicyIdParam, @Body() dto: RecordPaymentDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, period: dto.period, amount: { minor: dto.amount.minor, currency: dto.amount.currency }, paidOn: dto.paidOn, reference: dto.reference };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'RecordPayment', data, context: ctx }, ctx));
    return obligationsAnswer(res, params.id, outcome);
  }
}
