/**
 * The subject key store port: one random 256-bit key per data subject, and nothing else.
 *
 * Why keys live outside the event log: the log is immutable and hash-chained, so personal data can
 * never be deleted from it. Events therefore hold only ciphertext, and erasing a person means
 * deleting their key here ("crypto-shredding"); the ciphertext stays, unreadable, and every hash
 * still matches. This makes the key store the one piece of state that is mutable *and* cannot be
 * rebuilt from the log (projections can; keys cannot): backups must include it, or every encrypted
 * value becomes unreadable. And a backup taken before an erasure still holds the shredded key: after
 * a restore, the erasures recorded in the log must be applied again (docs/personal-data.md).
 */
export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');

/** Left in place of a shredded key: later reads can say "erased", and no new key is ever created. */
export interface SubjectKeyTombstone {
  subject: string;
  shreddedAt: string;
  reason: string;
}

export type SubjectKeyLookup =
  { state: 'active'; key: Buffer; createdAt: string } | { state: 'shredded'; tombstone: SubjectKeyTombstone } | { state: 'absent' };

export interface SubjectKeyStore {
  /** The subject's key, created on first use. Throws SubjectErasedError for a shredded subject. */
  ensureKey(subject: string, now?: Date): Promise<Buffer>;
  /** The key or the tombstone, creating nothing. */
  getKey(subject: string): Promise<SubjectKeyLookup>;
  /**
   * Deletes the key and leaves a tombstone; a subject that never had a key gets one too. Idempotent:
   * once shredded, later calls return the first tombstone (its time and reason) unchanged.
   */
  shred(subject: string, reason: string, now?: Date): Promise<SubjectKeyTombstone>;
  /** The tombstone, or null when the subject is not shredded. */
  tombstone(subject: string): Promise<SubjectKeyTombstone | null>;
  /** Tombstones in subject order, for audits and to check which erasures completed. */
  listShredded(page?: { skip?: number; limit?: number }): Promise<SubjectKeyTombstone[]>;
}
