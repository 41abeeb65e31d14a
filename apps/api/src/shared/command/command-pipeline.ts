/**
 * Every command runs the same way: read the stream → fold with `evolve` → `decide` → append with the
 * revision that was read. The domain stays pure; this is the only place that touches the store for
 * writes. An event written under the same Idempotency-Key by the same user is answered again
 * instead of deciding twice, so a retry after a crash or timeout cannot double-write.
 */
import { Inject, Injectable } from '@nestjs/common';
import { fold, type Command, type Decider, type Event } from '@cl/domain/shared/types';
import { upcast, currentVersion, type EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, WrongExpectedRevisionError, newEventId, type EventStore, type NewEvent, type RecordedEvent } from '@cl/event-store';
import { ApiProblem } from '../problem/problem';
import { keyReused } from '../idempotency/request-idempotency';
import type { CommandRequest } from './request-context';
import { CommandGate } from './command-gate';
import { KeyedQueue } from './keyed-queue';

export const EVENT_SCHEMAS = Symbol('EVENT_SCHEMAS');

export interface CommandSpec<S, C extends Command, E extends Event> {
  stream: string;
  decider: Decider<S, C, E>;
  /**
   * The command, or a function building it from the current state: for what the pure domain cannot
   * compute itself but must check (e.g. the hash of the terms version being signed).
   */
  command: C | ((state: S) => C);
  request: CommandRequest;
  /** Re-run on a concurrent write this many times; only for commands whose outcome does not depend on what the caller saw. */
  retryOnConflict?: number;
  /**
   * The stream is named by an id the server has just drawn at random: decide on the empty state
   * without reading it. The `no_stream` append still refuses the stream if it exists after all; the
   * command is then read and decided again like any other.
   */
  freshStream?: boolean;
}

export interface CommandOutcome<E extends Event> {
  events: E[];
  /** Stream revision after the command (null: the stream still does not exist). */
  revision: number | null;
  /** True when answered from an earlier write with the same Idempotency-Key. */
  replayed: boolean;
}

@Injectable()
export class CommandPipeline {
  /**
   * Commands that lost a race decide again one at a time per stream: together they would re-read the
   * same revision and collide again — with group commit, in the same commit — and only one per round
   * could win, so eight concurrent renames ran out of three retries now and then.
   */
  private readonly redeciding = new KeyedQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    private readonly gate: CommandGate,
  ) {}

  run<S, C extends Command, E extends Event>(spec: CommandSpec<S, C, E>): Promise<CommandOutcome<E>> {
    return this.gate.track(() => this.attempt(spec, spec.retryOnConflict ?? 0));
  }

  private async attempt<S, C extends Command, E extends Event>(
    spec: CommandSpec<S, C, E>,
    retries: number,
    queued = false,
  ): Promise<CommandOutcome<E>> {
    const { stream, decider, command, request } = spec;
    const recorded = spec.freshStream ? [] : await this.store.readStream(stream);
    const revision = recorded.length ? recorded[recorded.length - 1].revision : null;
    const earlier = this.earlierAnswer<E>(recorded, request);
    if (earlier) return earlier;
    const state = fold(decider, recorded.map((e) => upcast<E>(this.schemas, e)));
    const events = decider.decide(typeof command === 'function' ? command(state) : command, state);
    // After decide: a refusal (404, 403) takes precedence over a stale If-Match, which would reveal a revision.
    if (request.ifMatch !== undefined && request.ifMatch !== revision) throw revisionMismatch(revision);
    if (events.length === 0) return { events, revision, replayed: false };
    try {
      const appended = await this.store.appendToStream(stream, events.map((e) => envelopeOf(this.schemas, e, request)), {
        expectedRevision: revision ?? 'no_stream',
      });
      return { events, revision: appended.nextExpectedRevision, replayed: false };
    } catch (error) {
      if (spec.freshStream && error instanceof WrongExpectedRevisionError) return this.attempt({ ...spec, freshStream: false }, retries, queued);
      const retriable = error instanceof WrongExpectedRevisionError && request.ifMatch === undefined && retries > 0;
      if (!retriable) throw error;
      if (!queued) return this.redeciding.run(stream, () => this.attempt(spec, retries - 1, true));
      // Lost again while deciding alone: to a first attempt or another process (queued again, it would wait for itself).
      await backOff((spec.retryOnConflict ?? 0) - retries);
      return this.attempt(spec, retries - 1, true);
    }
  }

  private earlierAnswer<E extends Event>(recorded: RecordedEvent[], request: CommandRequest): CommandOutcome<E> | undefined {
    const { idempotency, actor } = request;
    if (!idempotency) return undefined;
    const same = recorded.filter((e) => e.metadata.idempotencyKey === idempotency.key && e.metadata.actor.userId === actor.userId);
    if (same.length === 0) return undefined;
    if (same.some((e) => e.metadata.requestFingerprint !== idempotency.fingerprint)) throw keyReused();
    return { events: same.map((e) => upcast<E>(this.schemas, e)), revision: same[same.length - 1].revision, replayed: true };
  }
}

/** The stored form of a domain event: a fresh id, its current schema version, and metadata from the request. */
export function envelopeOf(schemas: EventSchemas, event: Event, request: CommandRequest): NewEvent {
  return {
    id: newEventId(),
    type: event.type,
    schemaVersion: currentVersion(schemas, event.type),
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: { ...request.actor },
      correlationId: request.correlationId,
      causationId: request.causationId,
      recordedAt: request.now.toISOString(),
      ...(request.idempotency ? { idempotencyKey: request.idempotency.key, requestFingerprint: request.idempotency.fingerprint } : {}),
    },
  };
}

function revisionMismatch(actual: number | null): ApiProblem {
  return new ApiProblem(412, 'CONCURRENCY.REVISION_MISMATCH', 'If-Match does not match the current revision; read the entity again', {
    actualRevision: actual,
  });
}

/**
 * Full-jitter pause before a command that decides alone decides again after losing once more (to a
 * first attempt, or another process): both would otherwise re-read together and collide again.
 */
function backOff(attempt: number): Promise<void> {
  const ceilingMs = Math.min(50, 2 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
}
