import type { ClientEvent } from '@cl/domain/client';
import type { CommandOutcome } from '../shared/command/command-pipeline';

type DataOf<T extends ClientEvent['type']> = Extract<ClientEvent, { type: T }>['data'];

/**
 * The data of the event of that type a command recorded. Answers take ids from here, not from what the
 * controller generated: a retry answered from an earlier write carries the earlier ids.
 */
export function recordedEvent<T extends ClientEvent['type']>(outcome: CommandOutcome<ClientEvent>, type: T): DataOf<T> | undefined {
  const event = outcome.events.find((e) => e.type === type);
  return event?.data as DataOf<T> | undefined;
}
