import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ErasePersonalDataDto, ErasureView, SubjectParam } from './erase-personal-data.dto';
import { ErasePersonalDataMessage } from './erase-personal-data.handler';

@ApiTags('personal-data')
@Controller('personal-data')
export class ErasePersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':subject/erasure')
  @HttpCode(200)
  @AllowParties('company', 'compliance')
  @ApiOperation({
    summary: "Erase a data subject's personal data (crypto-shredding)",
    description:
      'Records PersonalDataErased, then shreds the subject key. Idempotent: repeating it answers the same shreddedAt and records nothing new.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: ErasureView, description: 'Erased (now or earlier)' })
  async erase(@Param() { subject }: SubjectParam, @Body() dto: ErasePersonalDataDto, @Ctx() ctx: RequestContext): Promise<ErasureView> {
    const tombstone = await this.commands.execute(
      new ErasePersonalDataMessage({ type: 'ErasePersonalData', data: { subject, reason: dto.reason }, context: ctx }, ctx),
    );
    return { subject: tombstone.subject, shreddedAt: tombstone.shreddedAt };
  }
}
