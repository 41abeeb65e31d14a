/**
 * Webhook signing secrets, kept in a plain read-store collection beside the delivery state — not in
 * the log (see libs/domain/webhook/events.ts for why). Like the delivery state and the personal-data
 * keys, this collection is not derived from the log: back it up with the read store. Only the
 * delivery worker reads it; no route returns a secret after the 201 that created it.
 */
import { randomBytes } from 'node:crypto';
import type { Doc, ReadStore } from '@cl/read-models';

export const WEBHOOK_SECRETS = 'webhook_secrets';

interface SecretDoc extends Doc {
  secret: string;
  createdAt: string;
}

/** 32 random bytes, base64url: 43 printable characters. */
export const generateSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export class WebhookSecrets {
  constructor(private readonly reads: ReadStore) {}

  async put(webhookId: string, secret: string, now = new Date()): Promise<void> {
    const inserted = await this.reads.insertIfAbsent(WEBHOOK_SECRETS, { _id: webhookId, secret, createdAt: now.toISOString() });
    if (!inserted) throw new Error(`Webhook ${webhookId} already has a secret`);
  }

  async get(webhookId: string): Promise<string> {
    const doc = await this.reads.findOne<SecretDoc>(WEBHOOK_SECRETS, { _id: webhookId });
    if (!doc) throw new Error(`Webhook ${webhookId} has no signing secret (was the read store restored without it?)`);
    return doc.secret;
  }

  remove(webhookId: string): Promise<void> {
    return this.reads.write([{ op: 'delete', collection: WEBHOOK_SECRETS, filter: { _id: webhookId } }]);
  }
}
