/**
 * Tamper evidence. Every event carries `hash` = SHA-256 over a canonical serialisation of its content
 * and of `prevHash`, the hash of the previous event in its stream (GENESIS for revision 0). Changing
 * a byte breaks the event's own hash; deleting, inserting or reordering events breaks the link of
 * the next one. Periodic digests (digester.ts) chain the whole log, which also catches a removed
 * stream tail or a reordering across streams.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import type { EventMetadata } from '../envelope';
import type { NewEvent, RecordedEvent } from '../port';

export const GENESIS_HASH = '0'.repeat(64);
export const HASH_ALGORITHM = 'sha256 over canonical JSON {v:1,id,stream,revision,type,schemaVersion,data,metadata without hash fields,prevHash}';

export interface HashableEvent {
  id: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash an event must carry, given its predecessor's hash. */
export function eventHash(event: HashableEvent, prevHash: string): string {
  const { hash: _hash, prevHash: _prev, ...metadata } = event.metadata;
  return sha256(
    canonicalJson({
      v: 1,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata,
      prevHash,
    }),
  );
}

/** Stamps `prevHash` and `hash` on events about to follow `previous` (null: a new stream). */
export function chainEvents(stream: string, previous: { revision: number; hash: string } | null, events: NewEvent[]): NewEvent[] {
  let prevHash = previous?.hash ?? GENESIS_HASH;
  let revision = previous?.revision ?? -1;
  return events.map((e) => {
    revision += 1;
    const metadata = { ...e.metadata, prevHash };
    const hash = eventHash({ ...e, stream, revision, metadata }, prevHash);
    prevHash = hash;
    return { ...e, metadata: { ...metadata, hash } };
  });
}

export type LinkProblem = 'hash-mismatch' | 'broken-link' | 'revision-gap' | 'unchained';

/** Checks one event against its stream predecessor (undefined for the first event seen in the stream). */
export function checkLink(event: RecordedEvent, previous: { revision: number; hash: string } | undefined): LinkProblem | undefined {
  const { hash, prevHash } = event.metadata;
  if (!hash || !prevHash) return 'unchained';
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (event.revision !== expectedRevision) return 'revision-gap';
  if (prevHash !== (previous?.hash ?? GENESIS_HASH)) return 'broken-link';
  if (eventHash(event, prevHash) !== hash) return 'hash-mismatch';
  return undefined;
}
