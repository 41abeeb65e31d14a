/**
 * AES-256-GCM with a fresh random 96-bit IV per value and a full 128-bit tag. The subject and the
 * purpose are additional authenticated data: a ciphertext copied under another subject or into
 * another field fails to open even with the right key, instead of revealing someone else's data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PII_ALGORITHM, PII_FORMAT_VERSION, type EncryptedValue } from './encrypted-value';
import { PersonalDataIntegrityError } from './errors';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** JSON array, so no choice of subject or purpose can make two different pairs encode alike. */
function aad(subject: string, purpose: string): Buffer {
  return Buffer.from(JSON.stringify(['channel-ledger/pii', PII_FORMAT_VERSION, PII_ALGORITHM, subject, purpose]), 'utf8');
}

export function seal(key: Buffer, subject: string, purpose: string, plaintext: string): EncryptedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(subject, purpose));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    pii: PII_FORMAT_VERSION,
    subject,
    purpose,
    alg: PII_ALGORITHM,
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** Throws PersonalDataIntegrityError when the value does not authenticate under this key. */
export function open(key: Buffer, value: EncryptedValue): string {
  const iv = Buffer.from(value.iv, 'base64url');
  const tag = Buffer.from(value.tag, 'base64url');
  // Checked here because GCM would accept a shorter IV or tag, and a truncated tag is weaker.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PersonalDataIntegrityError(value.subject);
  const decipher = createDecipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(value.subject, value.purpose));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(value.ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch (cause) {
    // final() throws a bare "Unsupported state or unable to authenticate data"; name what it means.
    throw new PersonalDataIntegrityError(value.subject, { cause });
  }
}
