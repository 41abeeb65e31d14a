/**
 * How an `AllFilter` runs against EventStoreDB. The server filters `$all` on ONE field (stream name or
 * event type), so we send it the most selective field and check the complete filter on the client:
 * - event types given → server filters on event type (exact names as an anchored regex, since the
 *   server's prefix filter would also match longer names); stream prefixes, if any, are checked here;
 * - only stream prefixes → server filters on stream-name prefixes;
 * - nothing → server excludes system event types (`^[^$]`, the client's `excludeSystemEvents()`).
 * The client-side check also drops system streams and types (`$…`) in every case.
 */
import { type AllStreamResolvedEvent, type Filter, eventTypeFilter, streamNameFilter } from '@eventstore/db-client';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { passesFilter } from '../all-filter';
import type { AllFilter } from '../port';

export interface ServerFilter {
  on: 'eventType' | 'streamName';
  regex?: string;
  prefixes?: string[];
}

export interface FilterPlan {
  server: ServerFilter;
  accepts(resolved: AllStreamResolvedEvent): boolean;
}

const isSystem = (name: string) => name.startsWith('$');
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function planFilter(filter: AllFilter = {}): FilterPlan {
  const types = filter.eventTypes?.length ? filter.eventTypes : undefined;
  const prefixes = filter.streamPrefixes?.length ? filter.streamPrefixes : undefined;
  const accepts = ({ event }: AllStreamResolvedEvent) =>
    !!event && !isSystem(event.streamId) && !isSystem(event.type) && passesFilter(filter, event.streamId, event.type);
  return { server: serverFilter(types, prefixes), accepts };
}

function serverFilter(types?: string[], prefixes?: string[]): ServerFilter {
  if (types) return { on: 'eventType', regex: `^(?:${types.map(escapeRegex).join('|')})$` };
  if (prefixes) return { on: 'streamName', prefixes };
  return { on: 'eventType', regex: '^[^$]' };
}

/** For `subscribeToAll()`, which accepts filters. */
export function toClientFilter({ on, regex, prefixes = [] }: ServerFilter): Filter {
  const make = on === 'eventType' ? eventTypeFilter : streamNameFilter;
  return regex ? make({ regex }) : make({ prefixes });
}

/** For filtered reads, built by hand because the client's `readAll()` takes no filter. */
export function toGrpcFilter({ on, regex, prefixes = [] }: ServerFilter): ReadReq.Options.FilterOptions {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if (regex) expression.setRegex(regex);
  else expression.setPrefixList(prefixes);
  const options = new ReadReq.Options.FilterOptions().setCount(new Empty()).setCheckpointintervalmultiplier(1);
  return on === 'eventType' ? options.setEventType(expression) : options.setStreamIdentifier(expression);
}
