/**
 * What can go wrong with personal data. Only `SubjectErasedError` is a business refusal (a
 * `DomainError`, so the HTTP layer answers 409 without knowing this library); the others are faults
 * that must surface loudly, never be papered over with a plausible-looking value.
 */
import { DomainError } from '@cl/domain/shared/errors';

/** New personal data for a subject whose key was shredded: the person asked to be forgotten. */
export class SubjectErasedError extends DomainError {
  constructor(
    readonly subject: string,
    readonly shreddedAt: string,
  ) {
    super('PERSONAL_DATA.SUBJECT_ERASED', 'conflict', `The personal data of ${subject} was erased; nothing new may be recorded for it`, {
      subject,
      shreddedAt,
    });
    this.name = 'SubjectErasedError';
  }
}

/** A ciphertext that does not authenticate: tampered, truncated, or moved to another subject or purpose. */
export class PersonalDataIntegrityError extends Error {
  readonly code = 'PERSONAL_DATA.INTEGRITY_FAILED';
  constructor(
    readonly subject: string,
    options?: ErrorOptions,
  ) {
    super(`An encrypted value of ${subject} failed authentication: it was altered or does not belong to this subject`, options);
    this.name = 'PersonalDataIntegrityError';
  }
}

/**
 * An encrypted value whose subject has neither a key nor a tombstone. That is not an erasure: the key
 * store was lost or restored from an older backup than the events, and answering "erased" would hide it.
 */
export class SubjectKeyMissingError extends Error {
  readonly code = 'PERSONAL_DATA.KEY_MISSING';
  constructor(readonly subject: string) {
    super(`No key and no erasure record for ${subject}: the subject key store is incomplete (restore it from backup)`);
    this.name = 'SubjectKeyMissingError';
  }
}

/** A malformed argument or stored value (bad subject id, unknown format version, corrupt key record). */
export class InvalidPersonalDataError extends Error {
  readonly code = 'PERSONAL_DATA.INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPersonalDataError';
  }
}
