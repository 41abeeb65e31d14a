import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { verifyLog, type VerifyReport } from '@cl/event-store/audit/verifier';
import { AllowParties } from '../../shared/auth/access';

/**
 * Recomputes every hash chain and log digest from the event store itself. It is the one read that
 * deliberately bypasses projections: it checks the source they are built from.
 */
@ApiTags('audit')
@Controller('audit')
export class VerifyLogController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get('verify')
  @AllowParties('company', 'compliance')
  @ApiOkResponse({ description: '`ok`, counts, and the first broken link if any (problem, position, stream, revision, detail)' })
  verify(): Promise<VerifyReport> {
    return verifyLog(this.events);
  }
}
