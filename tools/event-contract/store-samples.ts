/** Samples of the events the event store records itself (not the domain's: libs/domain/testing/samples/). */
import type { SampleEvent } from '../../libs/domain/testing/samples';
import { DIGEST_EVENT, type LogDigest } from '../../libs/event-store/src/audit/digester';
import { sha256 } from '../../libs/event-store/src/audit/hash-chain';

export function storeSamples(): SampleEvent[] {
  const digest: LogDigest = { eventCount: 1000, upToPosition: 1004, logHash: sha256('a sample rolling log hash') };
  return [
    { type: DIGEST_EVENT, schemaVersion: 1, data: { ...digest }, source: 'log digest after 1000 events (the digester writes these)' },
  ];
}
