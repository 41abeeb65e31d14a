/** What the fake's Streams.Read answers, decided from the request options over the in-memory log. */
import { status } from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, StoredEvent } from './in-memory-log';
import { type EventPredicate, RpcError, eventMessage, parseCount, parseFilter, streamName, streamNotFoundMessage } from './wire';

const isBackwards = (options: ReadReq.Options) => options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;

function streamOptions(options: ReadReq.Options): ReadReq.Options.StreamOptions {
  const stream = options.getStream();
  if (!stream) throw new RpcError(status.INVALID_ARGUMENT, 'stream options missing');
  return stream;
}

function allOptions(options: ReadReq.Options): ReadReq.Options.AllOptions {
  const all = options.getAll();
  if (!all) throw new RpcError(status.INVALID_ARGUMENT, '$all options missing');
  return all;
}

const commitOf = (all: ReadReq.Options.AllOptions): bigint => BigInt(all.getPosition()?.getCommitPosition() ?? '0');

/** A stream read; revisions equal array indexes because the fake never deletes or truncates. */
export function readStreamPage(log: InMemoryLog, options: ReadReq.Options): ReadResp[] {
  const stream = streamOptions(options);
  const name = streamName(stream.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) return [streamNotFoundMessage(name)];
  const count = parseCount(options);
  const last = events.length - 1;
  if (isBackwards(options)) {
    const from = stream.hasStart() ? 0 : stream.hasEnd() ? last : Math.min(Number(stream.getRevision()), last);
    return events.slice(Math.max(0, from - count + 1), from + 1).reverse().map(eventMessage);
  }
  const from = stream.hasStart() ? 0 : stream.hasEnd() ? events.length : Number(stream.getRevision());
  return events.slice(from, from + count).map(eventMessage);
}

/** A `$all` read: forwards includes the event at the position, backwards starts strictly before it. */
export function readAllPage(log: InMemoryLog, options: ReadReq.Options): ReadResp[] {
  const all = allOptions(options);
  const accepts = parseFilter(options);
  const count = parseCount(options);
  const events = log.all;
  const out: StoredEvent[] = [];
  if (isBackwards(options)) {
    const from = all.hasStart() ? -1 : all.hasEnd() ? events.length - 1 : log.indexAtOrAfter(commitOf(all)) - 1;
    for (let i = from; i >= 0 && out.length < count; i--) if (accepts(events[i])) out.push(events[i]);
  } else {
    const from = all.hasStart() ? 0 : all.hasEnd() ? events.length : log.indexAtOrAfter(commitOf(all));
    for (let i = from; i < events.length && out.length < count; i++) if (accepts(events[i])) out.push(events[i]);
  }
  return out.map(eventMessage);
}

/** Where a subscription's cursor starts in the log, and which events it delivers (start is exclusive). */
export function subscriptionStart(log: InMemoryLog, options: ReadReq.Options): { cursor: number; accepts: EventPredicate } {
  if (options.hasStream()) {
    const stream = streamOptions(options);
    const name = streamName(stream.getStreamIdentifier());
    const after = stream.hasRevision() ? BigInt(stream.getRevision()) : -1n;
    const cursor = stream.hasEnd() ? log.all.length : 0;
    return { cursor, accepts: (e) => e.stream === name && e.revision > after };
  }
  const all = allOptions(options);
  const cursor = all.hasStart() ? 0 : all.hasEnd() ? log.all.length : log.indexAtOrAfter(commitOf(all) + 1n);
  return { cursor, accepts: parseFilter(options) };
}
