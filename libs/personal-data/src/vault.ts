/**
 * The one way personal data enters and leaves the system. Use cases `protect` a value before it goes
 * into an event; query handlers and exports `revealDeep` what they read; an erasure request ends in
 * `forget`, after which every copy of the subject's data — in events, read models, exports and backups
 * of them — reveals as `{ erased: true }`, while the stored bytes (and so the hash chain) stay as they were.
 *
 * Keys are read on every call, never cached across calls: another API instance may shred a key at any
 * moment, and a cached key would keep revealing data that was erased.
 */
import { open, seal } from './cipher';
import {
  checkPurpose,
  checkSubject,
  DEFAULT_PURPOSE,
  isEncryptedValue,
  isPlainObject,
  type EncryptedValue,
  type Revealed,
  type RevealedValue,
} from './encrypted-value';
import { InvalidPersonalDataError, SubjectKeyMissingError } from './errors';
import type { SubjectKeyLookup, SubjectKeyStore, SubjectKeyTombstone } from './subject-key-store';

export class PersonalDataVault {
  constructor(private readonly keys: SubjectKeyStore) {}

  /** Encrypts under the subject's key (created on first use). Throws SubjectErasedError once the subject is forgotten. */
  async protect(subject: string, plaintext: string, purpose: string = DEFAULT_PURPOSE): Promise<EncryptedValue> {
    checkSubject(subject);
    checkPurpose(purpose);
    if (typeof plaintext !== 'string') throw new InvalidPersonalDataError('Only strings are protected: serialise other values first');
    return seal(await this.keys.ensureKey(subject), subject, purpose, plaintext);
  }

  /** The plaintext, or an erased marker when the key was shredded. Tampering throws PersonalDataIntegrityError. */
  async reveal(value: EncryptedValue): Promise<RevealedValue> {
    if (!isEncryptedValue(value)) throw new InvalidPersonalDataError('reveal() takes an encrypted value');
    return revealWith(value, await this.keys.getKey(value.subject));
  }

  /**
   * A copy of `input` (event data, a read-model document, an export page) with every encrypted value,
   * at any depth, replaced by what it reveals as. The input is not modified; each subject's key is
   * looked up once per call.
   */
  async revealDeep<T>(input: T): Promise<Revealed<T>> {
    const lookups = new Map<string, Promise<SubjectKeyLookup>>();
    const lookup = (subject: string): Promise<SubjectKeyLookup> => {
      const known = lookups.get(subject) ?? this.keys.getKey(subject);
      lookups.set(subject, known);
      return known;
    };
    return (await mapEncrypted(input, async (value) => revealWith(value, await lookup(value.subject)))) as Revealed<T>;
  }

  /** Shreds the subject's key. Idempotent: forgetting again returns the first tombstone. */
  forget(subject: string, reason: string, now?: Date): Promise<SubjectKeyTombstone> {
    return this.keys.shred(subject, reason, now);
  }
}

function revealWith(value: EncryptedValue, found: SubjectKeyLookup): RevealedValue {
  switch (found.state) {
    case 'active':
      return open(found.key, value);
    case 'shredded':
      return { erased: true, subject: value.subject, shreddedAt: found.tombstone.shreddedAt };
    case 'absent':
      throw new SubjectKeyMissingError(value.subject);
  }
}

/** Rebuilds arrays and plain objects, replacing encrypted values; anything else is returned as is. */
async function mapEncrypted(value: unknown, reveal: (value: EncryptedValue) => Promise<RevealedValue>): Promise<unknown> {
  if (isEncryptedValue(value)) return reveal(value);
  if (Array.isArray(value)) return Promise.all(value.map((item) => mapEncrypted(item, reveal)));
  if (!isPlainObject(value)) return value;
  const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await mapEncrypted(item, reveal)] as const));
  return Object.fromEntries(entries);
}
