/**
 * How a piece of personal data appears inside event data and read-model documents: never the
 * plaintext, always this small self-describing envelope. It names its subject (whose key opens it),
 * so exports and query handlers can reveal it without knowing the schema of the event around it.
 *
 *   { "pii": 1, "subject": "contact-7f3a", "purpose": "contact.email",
 *     "alg": "A256GCM", "iv": "…", "ct": "…", "tag": "…" }          (iv, ct, tag: base64url)
 *
 * The marker is `pii`, not `$pii`: read models are queried and updated as MongoDB documents, where
 * `$`-prefixed field names are operators in filters (mingo and MongoDB both reject them there) and
 * lose data through mongoexport/mongoimport.
 */
import { InvalidPersonalDataError } from './errors';

export const PII_FORMAT_VERSION = 1;
export const PII_ALGORITHM = 'A256GCM';

export interface EncryptedValue {
  /** Format version: the marker that tells a walker this object is an encrypted value. */
  pii: typeof PII_FORMAT_VERSION;
  subject: string;
  /** What the value is for (`contact.email`); authenticated, so it cannot be passed off as another field. */
  purpose: string;
  alg: typeof PII_ALGORITHM;
  iv: string;
  ct: string;
  tag: string;
}

/** What an encrypted value reveals as once its subject's key was shredded. */
export interface ErasedValue {
  erased: true;
  subject: string;
  shreddedAt: string;
}

export type RevealedValue = string | ErasedValue;

/** `T` with every encrypted value replaced by what it reveals as. */
export type Revealed<T> = T extends EncryptedValue
  ? RevealedValue
  : T extends readonly (infer U)[]
    ? Revealed<U>[]
    : T extends object
      ? { [K in keyof T]: Revealed<T[K]> }
      : T;

/** Subject ids: pseudonymous, no personal data in them (they stay in the log after erasure). */
export const SUBJECT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const PURPOSE_PATTERN = /^[a-z][a-z0-9._-]{0,63}$/;
export const DEFAULT_PURPOSE = 'personal-data';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const FIELDS = ['alg', 'ct', 'iv', 'pii', 'purpose', 'subject', 'tag'];

export function checkSubject(subject: unknown): asserts subject is string {
  if (typeof subject !== 'string' || !SUBJECT_PATTERN.test(subject)) {
    throw new InvalidPersonalDataError(`Invalid subject id '${String(subject)}': 1–128 letters, digits, '_', '.', ':' or '-'`);
  }
}

export function checkPurpose(purpose: unknown): asserts purpose is string {
  if (typeof purpose !== 'string' || !PURPOSE_PATTERN.test(purpose)) {
    throw new InvalidPersonalDataError(`Invalid purpose '${String(purpose)}': lower-case letters, digits, '.', '_' or '-'`);
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * True for anything that claims to be an encrypted value (a plain object with `pii` and `ct`). A claim
 * that is malformed throws instead of being passed through, so a damaged value is never shown as data.
 */
export function isEncryptedValue(value: unknown): value is EncryptedValue {
  if (!isPlainObject(value) || !('pii' in value) || !('ct' in value)) return false;
  assertWellFormed(value);
  return true;
}

function assertWellFormed(value: Record<string, unknown>): void {
  if (value.pii !== PII_FORMAT_VERSION) throw new InvalidPersonalDataError(`Unsupported encrypted value format ${String(value.pii)}`);
  if (value.alg !== PII_ALGORITHM) throw new InvalidPersonalDataError(`Unsupported encryption algorithm ${String(value.alg)}`);
  checkSubject(value.subject);
  checkPurpose(value.purpose);
  const keys = Object.keys(value).sort();
  const encoded = ['iv', 'ct', 'tag'].every((k) => typeof value[k] === 'string' && BASE64URL.test(value[k] as string));
  if (keys.join() !== FIELDS.join() || !encoded) throw new InvalidPersonalDataError(`Malformed encrypted value of ${value.subject}`);
}
