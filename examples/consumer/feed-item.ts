/** The feed's contract as a consumer sees it (docs/feed.md, docs/events.md); nothing here imports the server. */
export interface FeedItem {
  /** Global order; the SSE `id`, and what `from` / Last-Event-ID resume after. */
  position: number;
  /** Unique per event: the de-duplication key. */
  id: string;
  stream: string;
  revision: number;
  type: string;
  /** Always the current version of the type (GET /events/schemas has its JSON Schema). */
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface FeedPage {
  events: FeedItem[];
  /** Pass as `from` for the next page: past events this reader may not see too. */
  next: number;
  /** The newest position this reader may see now. */
  head: number;
}
