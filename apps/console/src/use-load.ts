/** Loads something from the API for a view, again when `deps` change or `reload()` is called. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api/http';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: describe(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function describe(error: unknown): string {
  if (error instanceof ApiError)
    return `${error.problem.status} ${error.problem.code}: ${error.problem.detail ?? error.problem.title ?? ''}`;
  return error instanceof Error ? error.message : String(error);
}
