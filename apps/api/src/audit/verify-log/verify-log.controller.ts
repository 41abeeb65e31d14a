import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { verifyLog, type VerifyReport } from '@cl/event-store/audit/verifier';
import type { AppConfig } from '../../config/config.schema';
import { AllowParties } from '../../shared/auth/access';

/**
 * A report for an unchanged head is reused for at most this long, so that a change made to the stored
 * log behind the service's back (which does not move the head) is still found within minutes.
 */
export const REUSE_REPORT_FOR_MS = 5 * 60 * 1000;

/** The report, and when the log was read for it (a report may be reused while the log has not grown). */
export type VerifyLogAnswer = VerifyReport & { verifiedAt: string };

/**
 * Recomputes every hash chain and log digest from the event store itself. It is the one read that
 * deliberately bypasses projections: it checks the source they are built from.
 *
 * Reading and hashing the whole log is expensive, so it is never done twice at once: concurrent
 * calls share one run. And the last report is kept with the head position it was computed at: while
 * the head has not moved (and for at most REUSE_REPORT_FOR_MS), a call answers it again.
 */
@ApiTags('audit')
@Controller('audit')
export class VerifyLogController {
  private readonly digestEvery: number;
  private running?: Promise<VerifyLogAnswer>;
  private last?: { head: number; at: number; answer: VerifyLogAnswer };

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    config: ConfigService<AppConfig, true>,
  ) {
    this.digestEvery = config.get('AUDIT_DIGEST_EVERY', { infer: true });
  }

  @Get('verify')
  @AllowParties('company', 'compliance')
  @ApiOkResponse({
    description:
      '`ok`, counts, and the first broken link if any (problem, position, stream, revision, detail); `verifiedAt` says when ' +
      'the log was read (a report is reused while the log head has not moved, for at most 5 minutes)',
  })
  verify(): Promise<VerifyLogAnswer> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<VerifyLogAnswer> {
    const head = await this.events.headPosition();
    const last = this.last;
    if (last && last.head === head && Date.now() - last.at < REUSE_REPORT_FOR_MS) return last.answer;
    const at = Date.now();
    const report = await verifyLog(this.events, { digestEvery: this.digestEvery });
    const answer = { ...report, verifiedAt: new Date(at).toISOString() };
    this.last = { head, at, answer };
    return answer;
  }
}
