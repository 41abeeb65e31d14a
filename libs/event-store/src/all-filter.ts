import type { AllFilter } from './port';

/**
 * What an `AllFilter` lets through, wherever an adapter checks it in code rather than in its query:
 * one of its event types (if it names any) and one of its stream prefixes (if it names any).
 */
export function passesFilter(filter: AllFilter, stream: string, type: string): boolean {
  return (
    (!filter.eventTypes?.length || filter.eventTypes.includes(type)) &&
    (!filter.streamPrefixes?.length || filter.streamPrefixes.some((p) => stream.startsWith(p)))
  );
}
