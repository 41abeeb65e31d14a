/**
 * Small checks that append `{ field, message }` to a list instead of throwing, so one validation run
 * reports every problem at once. They accept `unknown` because terms arrive from outside: a missing
 * section must become a field error, never a TypeError.
 */
import type { Money } from './terms';

export interface FieldError {
  /** JSON-path-like: 'plan.periods[2].amount.minor'. */
  field: string;
  message: string;
}

export type Errors = FieldError[];
export type Obj = Record<string, unknown>;

/** 'a' + 'b' → 'a.b'; 'a' + 2 → 'a[2]'. */
export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function obj(out: Errors, field: string, v: unknown): v is Obj {
  if (isObj(v)) return true;
  out.push({ field, message: v === undefined ? 'is required' : 'must be an object' });
  return false;
}

/** Bounds on what one policy may hold: terms arrive from outside and end up in every event and read model. */
export const MAX_ITEMS = 1000;
export const MAX_TEXT = 500;

export function list(out: Errors, field: string, v: unknown, max = MAX_ITEMS): v is unknown[] {
  if (!Array.isArray(v)) {
    out.push({ field, message: v === undefined ? 'is required' : 'must be an array' });
    return false;
  }
  if (v.length <= max) return true;
  out.push({ field, message: `must have at most ${max} items` });
  return false;
}

/** A non-blank string of at most `max` characters. */
export function text(out: Errors, field: string, v: unknown, max = MAX_TEXT): v is string {
  if (typeof v !== 'string' || v.trim().length === 0) {
    out.push({ field, message: 'must be a non-empty string' });
    return false;
  }
  if (v.length <= max) return true;
  out.push({ field, message: `must be at most ${max} characters` });
  return false;
}

export function int(out: Errors, field: string, v: unknown, min: number, max: number = Number.MAX_SAFE_INTEGER): v is number {
  if (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max) return true;
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
  out.push({ field, message: `must be an integer ${range}` });
  return false;
}

export function oneOf<T extends string>(out: Errors, field: string, v: unknown, allowed: readonly T[]): v is T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return true;
  out.push({ field, message: `must be one of ${allowed.join(', ')}` });
  return false;
}

export function bool(out: Errors, field: string, v: unknown): v is boolean {
  if (typeof v === 'boolean') return true;
  out.push({ field, message: 'must be true or false' });
  return false;
}

export const isCurrency = (v: unknown): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v);

export function currency(out: Errors, field: string, v: unknown): v is string {
  if (isCurrency(v)) return true;
  out.push({ field, message: 'must be an ISO 4217 currency code (three upper-case letters)' });
  return false;
}

/** ISO 3166-1 alpha-2 country ('PL') or ISO 3166-2 subdivision ('PL-MZ'). */
export const isTerritory = (v: unknown): v is string => typeof v === 'string' && /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(v);

export function territory(out: Errors, field: string, v: unknown): v is string {
  if (isTerritory(v)) return true;
  out.push({ field, message: "must be an ISO 3166 code such as 'PL' or 'PL-MZ'" });
  return false;
}

export interface MoneyRule {
  /** The currency the amount must be in (the settlement currency). */
  currency?: string;
  /** 0: non-negative; 1: positive. */
  min: 0 | 1;
}

/** Exact money: a safe integer of minor units and an ISO currency, optionally a required one. */
export function money(out: Errors, field: string, v: unknown, rule: MoneyRule): v is Money {
  if (!obj(out, field, v)) return false;
  const okMinor = int(out, at(field, 'minor'), v.minor, rule.min);
  let okCurrency = currency(out, at(field, 'currency'), v.currency);
  if (okCurrency && rule.currency !== undefined && v.currency !== rule.currency) {
    out.push({ field: at(field, 'currency'), message: `must be the settlement currency ${rule.currency}` });
    okCurrency = false;
  }
  return okMinor && okCurrency;
}

/** Reports every repeat of a key after its first occurrence, at `path[i].keyName` (or `path[i]`). */
export function unique(out: Errors, path: string, keys: readonly unknown[], keyName?: string): void {
  const seen = new Set<unknown>();
  keys.forEach((k, i) => {
    if (k === undefined) return;
    if (seen.has(k)) out.push({ field: keyName ? at(at(path, i), keyName) : at(path, i), message: `duplicates ${JSON.stringify(k)}` });
    seen.add(k);
  });
}

/** Runs `check` on each element of a list, after checking that it is one. */
export function each(
  out: Errors,
  field: string,
  v: unknown,
  check: (item: unknown, path: string, index: number) => void,
  max = MAX_ITEMS,
): v is unknown[] {
  if (!list(out, field, v, max)) return false;
  v.forEach((item, i) => check(item, at(field, i), i));
  return true;
}
