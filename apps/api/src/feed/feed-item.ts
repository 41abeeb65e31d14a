/**
 * One event as the feed publishes it: the envelope a subscriber needs to order, deduplicate and
 * correlate (position, id, stream, revision, actor, correlation and causation ids), and the data in
 * the CURRENT schema version of its type, so a subscriber implements one shape per type.
 */
import { Inject, Injectable } from '@nestjs/common';
import { currentVersion, upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import type { Actor, RecordedEvent } from '@cl/event-store';
import { DIGEST_EVENT } from '@cl/event-store/audit/digester';
import { PersonalDataVault } from '@cl/personal-data';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';

export interface FeedItem {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  /** The version `data` is in: always the type's current one. */
  schemaVersion: number;
  data: Record<string, unknown>;
  /** Never the idempotency key or request fingerprint, nor the hash chain (GET /audit/export has those). */
  metadata: { actor: Actor; correlationId: string; causationId: string; recordedAt: string };
}

@Injectable()
export class FeedItems {
  /** The log digests are recorded by the store itself, outside the domain's registry; they have one version. */
  private readonly schemas: EventSchemas;

  constructor(
    @Inject(EVENT_SCHEMAS) schemas: EventSchemas,
    private readonly vault: PersonalDataVault,
  ) {
    this.schemas = { ...schemas, [DIGEST_EVENT]: { version: 1 } };
  }

  /**
   * Upcast, then revealed like every API answer: personal data leaves as plaintext, or as the erased
   * marker once its subject was forgotten (docs/personal-data.md). A type this build does not know
   * throws (silently skipping a fact is never safe).
   */
  async toItem(event: RecordedEvent): Promise<FeedItem> {
    const { data } = upcast(this.schemas, event);
    const { actor, correlationId, causationId, recordedAt } = event.metadata;
    return {
      position: event.position,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      schemaVersion: currentVersion(this.schemas, event.type),
      data: (await this.vault.revealDeep(data)) as Record<string, unknown>,
      metadata: { actor, correlationId, causationId, recordedAt },
    };
  }
}
