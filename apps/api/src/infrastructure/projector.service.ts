import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import type { EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { allProjections, Projector } from '@cl/projections';
import type { AppConfig } from '../config/config.schema';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';

export interface ProjectionLag {
  name: string;
  checkpoint: number;
  lag: number;
}

/** Runs the projections inside the API unless PROJECTOR=external (then apps/projector does). */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap {
  readonly projector: Projector;
  private started = false;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_SCHEMAS) schemas: EventSchemas,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Projector');
    this.projector = new Projector(events, reads, allProjections, {
      schemas,
      onError: (projection, err) => this.logger.error({ err, projection }, 'projection failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const p of allProjections) await this.reads.registerProjection(p.name, p.collections);
    if (this.config.get('PROJECTOR', { infer: true }) === 'external') return;
    await this.projector.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    if (this.started) await this.projector.stop();
    this.started = false;
  }

  /** How far each projection is behind the head of the log (positions; events on SQLite). */
  async lag(): Promise<ProjectionLag[]> {
    const head = await this.events.headPosition();
    return Promise.all(
      allProjections.map(async (p) => {
        const { checkpoint } = await this.reads.status(p.name);
        return { name: p.name, checkpoint, lag: Math.max(0, head - checkpoint) };
      }),
    );
  }

  /** Projections of this process whose loop is failing (none when PROJECTOR=external). */
  failing() {
    return this.projector.failing();
  }
}
