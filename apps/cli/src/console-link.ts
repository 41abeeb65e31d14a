/**
 * `token … --link`: a one-click sign-in to the console for a local installation. The token rides in
 * the URL fragment (never sent to the server; the console moves it to sessionStorage and wipes it).
 * Only with the embedded dev secret: a link that carries a token signed with a configured JWT_SECRET
 * would put a real credential in a browser history, so the CLI refuses.
 */
export interface LinkSettings {
  PORT: number;
  JWT_SECRET?: string;
  JWKS_URL?: string;
  NODE_ENV?: string;
}

/** Why a dev link may not be printed here, or undefined when it may. */
export function devLinkRefusal(settings: LinkSettings): string | undefined {
  if (settings.JWT_SECRET || settings.JWKS_URL)
    return '--link is only for the local dev secret under DATA_DIR: JWT_SECRET / JWKS_URL is configured';
  if (settings.NODE_ENV === 'production') return '--link is only for development: NODE_ENV is production';
  return undefined;
}

export function consoleLink(token: string, port: number): string {
  return `http://localhost:${port}/console/#token=${encodeURIComponent(token)}`;
}
