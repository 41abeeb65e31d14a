/**
 * Recorded sample events: what the deciders emit for realistic commands, one scenario after another.
 * They are the contract's test data (validated against the published schemas), so each comes from
 * running the producer rather than from a hand-written literal wherever a decider produces it.
 */
import { allEventSchemas } from '../../schemas';
import { currentVersion } from '../../shared/schemas';
import { fold, type Command, type Decider, type Event } from '../../shared/types';

export interface SampleEvent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  /** Which scenario and command produced it. */
  source: string;
}

export const sampleOf = (event: Event, source: string): SampleEvent => ({
  type: event.type,
  schemaVersion: currentVersion(allEventSchemas, event.type),
  data: event.data as Record<string, unknown>,
  source,
});

/** Runs commands one after another, each against the state its predecessors' events (and `given`) fold to. */
export class Scenario<S, C extends Command, E extends Event> {
  private readonly history: E[];
  readonly samples: SampleEvent[] = [];

  constructor(
    private readonly decider: Decider<S, C, E>,
    private readonly name: string,
    given: E[] = [],
  ) {
    this.history = [...given];
  }

  run(...commands: C[]): this {
    for (const command of commands) {
      const events = this.decider.decide(command, fold(this.decider, this.history));
      // A sample scenario that decides nothing is a broken scenario, not a sample.
      if (events.length === 0) throw new Error(`${this.name}: ${command.type} decided no event`);
      this.history.push(...events);
      this.samples.push(...events.map((e) => sampleOf(e, `${this.name}: ${command.type}`)));
    }
    return this;
  }
}
