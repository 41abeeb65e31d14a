/**
 * Webhook signatures: `Webhook-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, keyed with
 * the webhook's secret (its UTF-8 bytes). The timestamp is signed with the body so that a captured
 * delivery cannot be replayed later than the receiver's tolerance (5 minutes, see docs/webhooks.md,
 * which also holds the receiver's verification code). `v1=` names the scheme so that a second one can
 * be sent alongside, comma-separated, during a future migration.
 */
import { createHmac } from 'node:crypto';

export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
