import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { statusesAt } from '@cl/domain/obligations';
import { PolicyIdParam } from '../../policies/policy.dto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { asOfOr } from '../as-of';
import { hideOtherDistributors, ObligationsReader } from '../obligations-reader';

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-07-01', description: 'a day (YYYY-MM-DD) or an ISO instant with an offset; now when absent' })
  @IsOptional()
  @IsString()
  asOf?: string;
}

class ObligationsListing {
  @ApiProperty() policyId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'each obligation (as derived at asOf) with its status at asOf, in due order' }) items!: object[];
}

@ApiTags('obligations')
@Controller('policies')
export class ListObligationsController {
  constructor(private readonly reader: ObligationsReader) {}

  /** Every obligation of both parties, with its status judged only on what was recorded by `asOf`. */
  @Get(':id/obligations')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: ObligationsListing })
  @ApiNotFoundResponse({ description: "POLICY.NOT_FOUND (also another distributor's policy)" })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_AS_OF' })
  async list(@Param() { id }: PolicyIdParam, @Query() query: AsOfQuery, @Ctx() ctx: RequestContext): Promise<ObligationsListing> {
    hideOtherDistributors(id, ctx);
    const asOf = asOfOr(query.asOf, ctx.now);
    const [obligations, state] = await Promise.all([this.reader.obligationsAt(id, asOf), this.reader.state(id)]);
    return { policyId: id, asOf, items: statusesAt(obligations, state, asOf) };
  }
}
