import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { allEventSchemas } from '@cl/domain/schemas';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { AppConfig } from '../config/config.schema';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import { ProjectorService } from './projector.service';
import { createEventStore, createReadStore, type ServiceOptions } from './stores';

/** Closes the stores last, after HTTP has drained and the projector has stopped. */
@Injectable()
class StoresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await Promise.all([this.events.close(), this.reads.close()]);
  }
}

const storesLogger = new Logger('Stores');
const service: ServiceOptions = {
  backgroundCheckpoints: { onError: (err) => storesLogger.error({ err }, 'background WAL checkpoint failed; retrying on schedule') },
};

@Global()
@Module({
  providers: [
    { provide: EVENT_SCHEMAS, useValue: allEventSchemas },
    { provide: EVENT_STORE, inject: [ConfigService], useFactory: (c: ConfigService<AppConfig, true>) => createEventStore(storeConfig(c), service) },
    { provide: READ_STORE, inject: [ConfigService], useFactory: (c: ConfigService<AppConfig, true>) => createReadStore(storeConfig(c), service) },
    ProjectorService,
    StoresLifecycle,
  ],
  exports: [EVENT_SCHEMAS, EVENT_STORE, READ_STORE, ProjectorService],
})
export class InfrastructureModule {}

function storeConfig(c: ConfigService<AppConfig, true>) {
  return {
    DATA_DIR: c.get('DATA_DIR', { infer: true }),
    EVENTSTORE_CONNECTION_STRING: c.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
    MONGODB_URL: c.get('MONGODB_URL', { infer: true }),
    MONGODB_DATABASE: c.get('MONGODB_DATABASE', { infer: true }),
    SQLITE_SYNCHRONOUS: c.get('SQLITE_SYNCHRONOUS', { infer: true }),
  };
}
