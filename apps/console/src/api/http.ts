/**
 * Calls the API on this origin with the session's bearer token. Every error is problem+json with a
 * stable `code` (docs/http.md): it is thrown as an ApiError carrying the whole problem.
 */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  [member: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${problem.detail ?? problem.title ?? problem.status}`);
  }
}

let bearer: string | undefined;
let onUnauthorized: () => void = () => undefined;

export function setCredentials(token: string | undefined, unauthorized: () => void): void {
  bearer = token;
  onUnauthorized = unauthorized;
}

export const authorization = (): Record<string, string> => (bearer ? { Authorization: `Bearer ${bearer}` } : {});

async function problemOf(res: Response): Promise<Problem> {
  try {
    return (await res.json()) as Problem;
  } catch {
    return { status: res.status, code: `HTTP.${res.status}`, detail: res.statusText };
  }
}

export async function send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...authorization() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.ok) return res;
  const problem = await problemOf(res);
  if (res.status === 401) onUnauthorized();
  throw new ApiError(problem);
}

export const get = async <T>(path: string): Promise<T> => (await (await send('GET', path)).json()) as T;

export async function post<T>(path: string, body: unknown = undefined): Promise<{ status: number; body: T }> {
  const res = await send('POST', path, body);
  return { status: res.status, body: (await res.json()) as T };
}

/** Fetches a CSV answer with the token and hands it to the browser as a file download. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const blob = await (await send('GET', path, undefined, 'text/csv')).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `?a=1&b=2` from the non-empty values. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') q.set(key, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}
