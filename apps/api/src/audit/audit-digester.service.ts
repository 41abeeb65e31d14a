import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '../shared/logging/app-logger';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { LogDigester } from '@cl/event-store/audit/digester';
import type { AppConfig } from '../config/config.schema';

const CHECK_EVERY_MS = 5_000;

/** Records log digests alongside the projector: in this process unless PROJECTOR=external. */
@Injectable()
export class AuditDigesterService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly digester: LogDigester;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('AuditDigester');
    this.digester = new LogDigester(store, { interval: config.get('AUDIT_DIGEST_EVERY', { infer: true }) });
  }

  onApplicationBootstrap(): void {
    if (this.config.get('PROJECTOR', { infer: true }) === 'external') return;
    this.digester.start(CHECK_EVERY_MS, (err) => this.logger.error({ err }, 'log digest failed; will retry'));
  }

  /** Writes the digests that are due now (used by tests and the CLI). */
  catchUp(): Promise<number> {
    return this.digester.catchUp();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.digester.stop();
  }
}
