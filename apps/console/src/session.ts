/**
 * The signed-in token lives in sessionStorage: it survives a reload of the tab, never another tab or
 * a closed browser. A dev link (`npm run cli -- token … --link`) carries it in the fragment, which
 * browsers never send to the server; it is moved to sessionStorage and wiped from the address bar.
 */
import { readClaims, type TokenClaims } from './lib/jwt';

const KEY = 'channel-ledger.console.token';

export interface Session {
  token: string;
  claims: TokenClaims;
}

export function takeTokenFromLink(): void {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/whoami`);
}

export function currentSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  const read = readClaims(token);
  return read.ok ? { token, claims: read.claims } : undefined;
}

/** Stores a pasted token if it reads as one; else the reason it does not. */
export function signIn(token: string): string | undefined {
  const read = readClaims(token);
  if (!read.ok) return read.reason;
  sessionStorage.setItem(KEY, token.trim());
  return undefined;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
