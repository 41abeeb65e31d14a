/**
 * The body of a delivery is the event exactly as the feed publishes it (FeedItems): upcast to the
 * current version of its type, personal data revealed or marked erased like every API answer, and
 * only the metadata a receiver may use. One shape for both ways of following the log.
 */
export type { FeedItem as WebhookPayload } from '../../feed/feed-item';
