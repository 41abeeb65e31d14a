/**
 * Subject keys in a plain (non-projection) collection of the read store, so they follow its adapter:
 * the embedded SQLite file by default, MongoDB in production. Documents:
 *
 *   live key:  { _id: subject, alg: 'A256GCM', key: <base64 of 32 random bytes>, createdAt }
 *   tombstone: { _id: subject, shreddedAt, reason }
 *
 * Shredding rewrites the document in place, dropping the key, so there is no moment at which the key
 * is gone but the subject looks never-seen (which would let a new key be created for it).
 */
import { randomBytes } from 'node:crypto';
import type { Doc, ReadStore, WriteOp } from '@cl/read-models';
import { KEY_BYTES } from './cipher';
import { checkSubject, PII_ALGORITHM } from './encrypted-value';
import { InvalidPersonalDataError, SubjectErasedError } from './errors';
import type { SubjectKeyLookup, SubjectKeyStore, SubjectKeyTombstone } from './subject-key-store';

export const SUBJECT_KEYS = 'subject_keys';
export const MAX_REASON_LENGTH = 500;
/** A key created concurrently can make one shredding step miss; re-reading and retrying settles it. */
const SHRED_ATTEMPTS = 3;

export class ReadStoreSubjectKeyStore implements SubjectKeyStore {
  constructor(private readonly store: ReadStore) {}

  async ensureKey(subject: string, now = new Date()): Promise<Buffer> {
    let found = await this.getKey(subject);
    if (found.state === 'absent') {
      // Of two instances creating a key at once, one insert wins and both read that key back.
      await this.store.insertIfAbsent(SUBJECT_KEYS, newKeyDoc(subject, now));
      found = await this.getKey(subject);
    }
    if (found.state === 'shredded') throw new SubjectErasedError(subject, found.tombstone.shreddedAt);
    if (found.state === 'absent') throw new Error(`The key of ${subject} was inserted but cannot be read back`);
    return found.key;
  }

  async getKey(subject: string): Promise<SubjectKeyLookup> {
    checkSubject(subject);
    const doc = await this.store.findOne(SUBJECT_KEYS, { _id: subject });
    return doc ? parseDoc(doc) : { state: 'absent' };
  }

  async shred(subject: string, reason: string, now = new Date()): Promise<SubjectKeyTombstone> {
    checkReason(reason);
    const shreddedAt = now.toISOString();
    for (let attempt = 0; attempt < SHRED_ATTEMPTS; attempt++) {
      const found = await this.getKey(subject);
      if (found.state === 'shredded') return found.tombstone;
      if (found.state === 'active') await this.store.write([dropKey(subject, shreddedAt, reason)]);
      else await this.store.insertIfAbsent(SUBJECT_KEYS, { _id: subject, shreddedAt, reason });
    }
    const settled = await this.tombstone(subject);
    if (!settled) throw new Error(`Could not shred the key of ${subject} after ${SHRED_ATTEMPTS} attempts (concurrent key creation)`);
    return settled;
  }

  async tombstone(subject: string): Promise<SubjectKeyTombstone | null> {
    const found = await this.getKey(subject);
    return found.state === 'shredded' ? found.tombstone : null;
  }

  async listShredded(page: { skip?: number; limit?: number } = {}): Promise<SubjectKeyTombstone[]> {
    const docs = await this.store.find(SUBJECT_KEYS, { shreddedAt: { $exists: true } }, { sort: { _id: 1 }, ...page });
    return docs.map((doc) => toTombstone(doc));
  }
}

function newKeyDoc(subject: string, now: Date): Doc {
  return { _id: subject, alg: PII_ALGORITHM, key: randomBytes(KEY_BYTES).toString('base64'), createdAt: now.toISOString() };
}

/** Only a document still holding a key matches, so a concurrent shredding's tombstone is never overwritten. */
function dropKey(subject: string, shreddedAt: string, reason: string): WriteOp {
  return {
    op: 'update',
    collection: SUBJECT_KEYS,
    filter: { _id: subject, key: { $exists: true } },
    update: { $set: { shreddedAt, reason }, $unset: { key: '', alg: '', createdAt: '' } },
  };
}

function parseDoc(doc: Doc): SubjectKeyLookup {
  if (doc.shreddedAt !== undefined) return { state: 'shredded', tombstone: toTombstone(doc) };
  const key = typeof doc.key === 'string' ? Buffer.from(doc.key, 'base64') : undefined;
  const valid = key !== undefined && key.length === KEY_BYTES && doc.alg === PII_ALGORITHM;
  if (!valid) throw new InvalidPersonalDataError(`Corrupt key record for ${doc._id}`);
  return { state: 'active', key, createdAt: String(doc.createdAt) };
}

function toTombstone(doc: Doc): SubjectKeyTombstone {
  const { shreddedAt, reason } = doc;
  if (typeof shreddedAt !== 'string' || typeof reason !== 'string') throw new InvalidPersonalDataError(`Corrupt tombstone for ${doc._id}`);
  return { subject: doc._id, shreddedAt, reason };
}

function checkReason(reason: unknown): asserts reason is string {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw new InvalidPersonalDataError(`An erasure reason is 1–${MAX_REASON_LENGTH} characters`);
  }
}
