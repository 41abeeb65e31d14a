/**
 * Building blocks of the pure domain: events and commands are typed data, a decider is three pure
 * functions. Nothing here does I/O; time, ids and the actor arrive as arguments.
 */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type PartyKind = 'company' | 'distributor' | 'compliance' | 'system';

export interface Actor {
  party: PartyKind;
  userId: string;
  distributorId?: string;
}

/** What a command knows about its context. */
export interface CommandContext {
  now: Date;
  actor: Actor;
}

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  context: CommandContext;
}>;

export interface Decider<State, C extends Command, E extends Event> {
  initialState: () => State;
  decide: (command: C, state: State) => E[];
  evolve: (state: State, event: E) => State;
}

/** Makes a switch exhaustive: the compiler rejects a call that can be reached. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

export function fold<State, E extends Event>(
  decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>,
  events: readonly E[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
