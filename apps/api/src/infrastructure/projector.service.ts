import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '../shared/logging/app-logger';
import type { EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { allProjections, Projector, reactorCheckpointName, ReactorRunner, type Reactor } from '@cl/projections';
import type { AppConfig } from '../config/config.schema';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import { followingSharedTail, SharedTail } from './shared-tail';

export interface ProjectionLag {
  name: string;
  checkpoint: number;
  lag: number;
}

/**
 * Runs the projections inside the API unless PROJECTOR=external (then apps/projector does), and the
 * reactors (process managers) always: they issue commands, which only the API can run. Feature
 * modules register their reactors while the app initialises; they start on bootstrap.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap {
  readonly projector: Projector;
  private readonly reactors: Reactor[] = [];
  private runner?: ReactorRunner;
  private started = false;
  /** Projections and reactors follow the log through one shared reader (see shared-tail.ts). */
  private readonly tail: SharedTail;
  private readonly following: EventStore;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('Projector');
    this.tail = new SharedTail(events);
    this.following = followingSharedTail(events, this.tail);
    this.projector = new Projector(this.following, reads, allProjections, {
      schemas,
      onError: (projection, err) => this.logger.error({ err, projection }, 'projection failed; retrying'),
    });
  }

  /** Called by feature modules in onModuleInit, before bootstrap starts the runner. */
  registerReactor(reactor: Reactor): void {
    if (this.runner) throw new Error(`Reactor ${reactor.name} registered after start`);
    this.reactors.push(reactor);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const p of allProjections) await this.reads.registerProjection(p.name, p.collections);
    this.runner = new ReactorRunner(this.following, this.reads, this.reactors, {
      schemas: this.schemas,
      onError: (reactor, err) => this.logger.error({ err, reactor }, 'reactor failed; retrying from its checkpoint'),
      onParked: (parked) => this.logger.error({ parked }, 'reaction refused by the domain: parked, the reactor goes on'),
    });
    await this.runner.start();
    if (this.config.get('PROJECTOR', { infer: true }) === 'external') return;
    await this.projector.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
    if (this.started) await this.projector.stop();
    this.started = false;
    await this.tail.stop();
  }

  /**
   * Resolves when projections and reactors have handled everything appended so far, including what
   * the reactors appended meanwhile (for tests and the demo; production never waits on this).
   */
  async settled(timeoutMs = 10_000): Promise<void> {
    for (let head = -1; head !== (await this.events.headPosition());) {
      head = await this.events.headPosition();
      await this.runner?.waitFor(head, timeoutMs);
      if (this.started) await this.projector.waitFor(head, timeoutMs);
    }
  }

  /**
   * Resolves once the named projection has applied everything up to `position` — for a command that
   * must decide on a read model as of a known point of the log (closing a period counts the sales
   * appended before the request). Polls the stored checkpoint, so it works with PROJECTOR=external too.
   */
  async caughtUp(projection: string, position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.reads.status(projection)).checkpoint < position) {
      if (Date.now() > deadline) throw new Error(`projection ${projection} did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /**
   * How far each projection and each reactor (`reactor:<name>`) is behind the head of the log
   * (positions; events on SQLite). A reactor far behind — a new one, or one stopped for a while —
   * is not yet doing what the events it has not read call for.
   */
  async lag(): Promise<ProjectionLag[]> {
    const head = await this.events.headPosition();
    const names = [...allProjections.map((p) => p.name), ...this.reactors.map((r) => reactorCheckpointName(r.name))];
    return Promise.all(
      names.map(async (name) => {
        const { checkpoint } = await this.reads.status(name);
        return { name, checkpoint, lag: Math.max(0, head - checkpoint) };
      }),
    );
  }

  /** Reactions the domain refused, parked so later events went on (they need an operator). */
  async parked() {
    return (await this.runner?.parked()) ?? [];
  }

  /** Projections of this process whose loop is failing (none when PROJECTOR=external). */
  failing() {
    return [...this.projector.failing(), ...(this.runner?.failing() ?? [])];
  }
}
