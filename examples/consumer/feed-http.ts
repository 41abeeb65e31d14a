/** The two ways to read GET /events: a JSON page, or an SSE stream resuming after Last-Event-ID. */
import type { FeedPage } from './feed-item';

export interface FeedTarget {
  /** The API's base URL, e.g. http://localhost:3000. */
  url: string;
  /** A bearer token (JWT). */
  token: string;
  /** Only these event types; empty: every type the token may read. */
  types: string[];
}

/** An answer that retrying will not change (a bad token, a forbidden party, a malformed request). */
export class FatalFeedError extends Error {}

/** An answer worth retrying later (rate limit, server trouble) or a network failure. */
export class TransientFeedError extends Error {}

export function eventsUrl(target: FeedTarget, params: Record<string, string | number>): string {
  const url = new URL('/events', target.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  if (target.types.length > 0) url.searchParams.set('types', target.types.join(','));
  return url.toString();
}

export async function readPage(target: FeedTarget, from: number, limit: number, signal?: AbortSignal): Promise<FeedPage> {
  const res = await request(
    eventsUrl(target, { from, limit }),
    { accept: 'application/json', authorization: `Bearer ${target.token}` },
    signal,
  );
  return (await res.json()) as FeedPage;
}

/** The open stream's response, or undefined when the server does not stream (a proxy, an old server): read pages then. */
export async function openStream(target: FeedTarget, after: number, signal: AbortSignal): Promise<Response | undefined> {
  const headers = { accept: 'text/event-stream', authorization: `Bearer ${target.token}`, 'last-event-id': String(after) };
  const res = await request(eventsUrl(target, { from: after }), headers, signal);
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream') && res.body) return res;
  await res.body?.cancel();
  return undefined;
}

async function request(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new TransientFeedError(`${url}: ${(error as Error).message}`);
  }
  if (res.ok) return res;
  const problem = await res.text();
  const message = `${res.status} from ${url}: ${problem.slice(0, 300)}`;
  if (res.status === 429 || res.status >= 500) throw new TransientFeedError(message);
  throw new FatalFeedError(message);
}
