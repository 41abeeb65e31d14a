import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { Public } from '../shared/auth/access';
import { ProjectorService } from '../infrastructure/projector.service';

/** Liveness of both stores and how far each projection is behind the log. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'Both stores answer; `projections` gives each projection checkpoint and lag' })
  @ApiServiceUnavailableResponse({ description: 'A store does not answer' })
  check() {
    return this.health.check([
      () => this.probe('eventStore', () => this.events.ping()),
      () => this.probe('readStore', () => this.reads.ping()),
      async () => this.indicator.check('projections').up({ lag: await this.projector.lag() }),
    ]);
  }

  private async probe(key: string, ping: () => Promise<void>) {
    const indicator = this.indicator.check(key);
    try {
      await ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
