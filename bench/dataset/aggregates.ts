/**
 * The decide → append → evolve loop of the command pipeline, in memory: each aggregate's state is kept
 * between commands instead of being folded from its stream again. A command the domain refuses
 * (DomainError) records nothing, exactly as over HTTP, and is counted.
 */
import { DomainError } from '@cl/domain/shared/errors';
import type { Command, Decider, Event } from '@cl/domain/shared/types';
import type { LogWriter } from './log-writer';

export class Refusals {
  readonly byCode: Record<string, number> = {};
  count(code: string): void {
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
  }
}

export class Aggregates<S, C extends Command, E extends Event> {
  private readonly states = new Map<string, S>();

  constructor(
    private readonly decider: Decider<S, C, E>,
    private readonly streamOf: (id: string) => string,
    private readonly writer: LogWriter,
    private readonly refusals: Refusals,
  ) {}

  /** Decides and records the command; `keep: false` drops the state afterwards (a sale nobody touches again). */
  async run(id: string, command: C, keep = true): Promise<E[]> {
    const state = this.states.get(id) ?? this.decider.initialState();
    let events: E[];
    try {
      events = this.decider.decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refusals.count(error.code);
      return [];
    }
    await this.writer.append(this.streamOf(id), events, command.context.actor, command.context.now);
    const next = events.reduce(this.decider.evolve, state);
    if (keep) this.states.set(id, next);
    else this.states.delete(id);
    return events;
  }

  state(id: string): S {
    return this.states.get(id) ?? this.decider.initialState();
  }

  forget(id: string): void {
    this.states.delete(id);
  }
}
