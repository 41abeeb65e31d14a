import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { AppLogger } from '../shared/logging/app-logger';
import { Public } from '../shared/auth/access';
import { ProjectorService } from '../infrastructure/projector.service';

/** Liveness of both stores and how far each projection and reactor is behind the log. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projector: ProjectorService,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('Health');
  }

  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'Both stores answer; `projections` gives the checkpoint and lag of each projection and each reactor (`reactor:<name>`)' })
  @ApiServiceUnavailableResponse({ description: 'A store does not answer' })
  check(@Req() req: Request) {
    const correlationId = String(req.id ?? '');
    return this.health.check([
      () => this.probe('eventStore', () => this.events.ping(), correlationId),
      () => this.probe('readStore', () => this.reads.ping(), correlationId),
      () => this.projections(),
    ]);
  }

  /**
   * Down while a projection loop keeps failing: its read model is frozen even though the API answers.
   * Reactions the domain refused are listed (`parked`) without taking the service down: the reactors
   * went on past them, and each needs an operator, not a restart.
   */
  private async projections() {
    const indicator = this.indicator.check('projections');
    const lag = await this.projector.lag();
    const failing = this.projector.failing().map((f) => ({ projection: f.projection, since: f.since.toISOString() }));
    const parked = (await this.projector.parked()).map(({ reactor, position, eventType, code, parkedAt }) => ({
      reactor,
      position,
      eventType,
      code,
      parkedAt,
    }));
    const details = { lag, ...(parked.length ? { parked } : {}) };
    return failing.length ? indicator.down({ ...details, failing }) : indicator.up(details);
  }

  private async probe(key: string, ping: () => Promise<void>, correlationId: string) {
    const indicator = this.indicator.check(key);
    try {
      await ping();
      return indicator.up();
    } catch (error) {
      // Store errors can name hosts and ports: the details go to the log, the probe says only that it failed.
      this.logger.error({ err: error, store: key, correlationId }, 'health probe failed');
      return indicator.down({ message: 'not reachable' });
    }
  }
}
