/**
 * Translation between the fake's storage and EventStoreDB's protobuf messages, using the message
 * classes generated for `@eventstore/db-client`, so requests and responses are the real wire format.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedRevision, ProposedEvent, StoredEvent } from './in-memory-log';

/** An error the gRPC layer sends back as a status. */
export class RpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export type EventPredicate = (e: StoredEvent) => boolean;

export const streamName = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? []).toString('utf8');

export function parseExpected(options: AppendReq.Options): ExpectedRevision {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.ANY:
      return { kind: 'any' };
    default:
      throw new RpcError(status.INVALID_ARGUMENT, 'expected stream revision missing');
  }
}

export function parseProposed(message: AppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type || !contentType) throw new RpcError(status.INVALID_ARGUMENT, 'proposed message needs type and content-type');
  const id = message.getId();
  if (!id?.hasString()) throw new RpcError(status.INVALID_ARGUMENT, 'fake server accepts string UUIDs only');
  return { id: id.getString(), type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
}

export function appendSuccess(revision: bigint, position: bigint | null): AppendResp {
  const success = new AppendResp.Success().setCurrentRevision(revision.toString());
  if (position === null) success.setNoPosition(new Empty());
  else success.setPosition(new AppendResp.Position().setCommitPosition(position.toString()).setPreparePosition(position.toString()));
  return new AppendResp().setSuccess(success);
}

export function appendWrongExpectedVersion(expected: ExpectedRevision, current: bigint | null): AppendResp {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current === null) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

export function eventMessage(e: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(e.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(e.stream, 'utf8')))
    .setStreamRevision(e.revision.toString())
    .setCommitPosition(e.position.toString())
    .setPreparePosition(e.position.toString())
    .setData(e.data)
    .setCustomMetadata(e.customMetadata);
  recorded.getMetadataMap().set('type', e.type).set('content-type', e.contentType).set('created', e.created.toString());
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(e.position.toString());
  return new ReadResp().setEvent(read);
}

export const confirmationMessage = (): ReadResp =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()));

export const caughtUpMessage = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const checkpointMessage = (position: bigint): ReadResp =>
  new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()));

export const streamNotFoundMessage = (name: string): ReadResp =>
  new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'))),
  );

/** Server-side `$all` filter: on stream name or event type, by regex when given, else by prefixes. */
export function parseFilter(options: ReadReq.Options): EventPredicate {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) throw new RpcError(status.INVALID_ARGUMENT, 'filter needs a stream identifier or event type expression');
  const field = (e: StoredEvent) => (onStream ? e.stream : e.type);
  const regex = expression.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (e) => pattern.test(field(e));
  }
  const prefixes = expression.getPrefixList();
  return (e) => prefixes.some((p) => field(e).startsWith(p));
}

/** A read's `count`: uint64 on the wire, clamped to what an array index can hold. */
export function parseCount(options: ReadReq.Options): number {
  const count = BigInt(options.getCount() || '0');
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}
