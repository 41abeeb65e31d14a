/**
 * One feed stream per signed-in page, shared by every view: views subscribe to the event types
 * that change what they show and reload; the live panel lists the latest events.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { followFeed, type FeedStatus } from './api/feed';
import type { FeedItem } from './api/types';

type Listener = (item: FeedItem) => void;

interface Live {
  status: FeedStatus;
  recent: FeedItem[];
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<Live>({ status: 'stopped', recent: [], subscribe: () => () => undefined });
const KEEP = 30;
/** When a view reloads after an event that changes it. */
const RELOAD_AFTER_MS = [150, 1_500, 5_000];

export function LiveProvider({ children }: { children: ComponentChildren }) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [recent, setRecent] = useState<FeedItem[]>([]);
  useEffect(
    () =>
      followFeed({
        onStatus: setStatus,
        onEvent: (item) => {
          setRecent((list) => [item, ...list].slice(0, KEEP));
          for (const listener of listeners.current) listener(item);
        },
      }),
    [],
  );
  const subscribe = (listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  };
  return <LiveContext.Provider value={{ status, recent, subscribe }}>{children}</LiveContext.Provider>;
}

export const useLiveFeed = () => useContext(LiveContext);

/**
 * Calls `onMatch` after live events whose type starts with one of `prefixes` (e.g. `Dispute`) and
 * that `accept` lets through. The feed is read from the log, ahead of the read models the views
 * query (reads are eventually consistent, docs/http.md), so the call comes a moment later and once
 * more after that, should a projection lag; a burst of events makes one call per step.
 */
export function useLive(prefixes: string[], onMatch: () => void, accept: (item: FeedItem) => boolean = () => true): void {
  const { subscribe } = useLiveFeed();
  const latest = useRef({ onMatch, accept });
  latest.current = { onMatch, accept };
  const key = prefixes.join(',');
  useEffect(() => {
    const timers = new Map<number, ReturnType<typeof setTimeout>>();
    const unsubscribe = subscribe((item) => {
      if (!prefixes.some((p) => item.type.startsWith(p)) || !latest.current.accept(item)) return;
      for (const delay of RELOAD_AFTER_MS) {
        clearTimeout(timers.get(delay));
        timers.set(
          delay,
          setTimeout(() => latest.current.onMatch(), delay),
        );
      }
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [key]);
}
