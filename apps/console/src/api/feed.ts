/**
 * Follows GET /events as a server-sent-events stream read with fetch (the feed authenticates with
 * the Authorization header only, which EventSource cannot send). Starts at the head the caller may
 * read now, resumes with Last-Event-ID after a dropped connection (backoff with jitter), and stops
 * for good on a 401 or when closed.
 */
import { SseParser } from '../lib/sse';
import { authorization, get } from './http';
import type { FeedItem } from './types';

export type FeedStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface FeedHandlers {
  onEvent: (item: FeedItem) => void;
  onStatus: (status: FeedStatus) => void;
}

export function followFeed({ onEvent, onStatus }: FeedHandlers): () => void {
  const abort = new AbortController();
  let lastId: string | undefined;
  let failures = 0;

  async function connect(): Promise<void> {
    if (lastId === undefined) lastId = String((await get<{ head: number }>('/events?limit=1')).head);
    const res = await fetch(`/events?from=${lastId}`, {
      headers: { Accept: 'text/event-stream', 'Last-Event-ID': lastId, ...authorization() },
      signal: abort.signal,
    });
    if (res.status === 401) throw Object.assign(new Error('unauthorized'), { final: true });
    if (!res.ok || !res.body) throw new Error(`feed answered ${res.status}`);
    onStatus('open');
    failures = 0;
    const parser = new SseParser();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const message of parser.push(value)) {
        if (message.id !== undefined) lastId = message.id;
        if (message.data && message.event && message.event !== 'disconnect') onEvent(JSON.parse(message.data) as FeedItem);
      }
    }
  }

  async function run(): Promise<void> {
    onStatus('connecting');
    while (!abort.signal.aborted) {
      try {
        await connect();
      } catch (error) {
        if (abort.signal.aborted || (error as { final?: boolean }).final) break;
      }
      if (abort.signal.aborted) break;
      onStatus('reconnecting');
      failures++;
      const delay = Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5));
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * (delay / 2)));
    }
    onStatus('stopped');
  }

  void run();
  return () => abort.abort();
}
