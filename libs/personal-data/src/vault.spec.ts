import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '@cl/event-store/canonical-json';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import type { EncryptedValue } from './encrypted-value';
import { PersonalDataIntegrityError, SubjectErasedError, SubjectKeyMissingError } from './errors';
import { ReadStoreSubjectKeyStore, SUBJECT_KEYS } from './read-store-subject-key-store';
import { PersonalDataVault } from './vault';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const at = new Date('2026-05-04T12:00:00.000Z');

describe('PersonalDataVault (on the SQLite read store)', () => {
  let dir: string;
  let file: string;
  let reads: SqliteReadStore;
  let keys: ReadStoreSubjectKeyStore;
  let vault: PersonalDataVault;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cl-pii-'));
    file = join(dir, 'read-models.db');
    reads = new SqliteReadStore(file);
    keys = new ReadStoreSubjectKeyStore(reads);
    vault = new PersonalDataVault(keys);
  });
  afterEach(async () => {
    await reads.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a value, and the stored form holds no plaintext', async () => {
    const value = await vault.protect('contact-1', 'Zofia Żółć <zofia@example.pl>', 'contact.name');
    expect(value).toEqual({
      pii: 1,
      subject: 'contact-1',
      purpose: 'contact.name',
      alg: 'A256GCM',
      iv: expect.any(String),
      ct: expect.any(String),
      tag: expect.any(String),
    });
    expect(JSON.stringify(value)).not.toMatch(/zofia/i);
    expect(await vault.reveal(value)).toBe('Zofia Żółć <zofia@example.pl>');
  });

  it('uses a fresh IV per value, so equal plaintexts do not look equal', async () => {
    const [a, b] = [await vault.protect('contact-1', 'same'), await vault.protect('contact-1', 'same')];
    expect(a.ct).not.toBe(b.ct);
    expect(a.iv).not.toBe(b.iv);
  });

  it('keeps keys in the read store file: they survive a restart', async () => {
    const value = await vault.protect('contact-1', 'persisted');
    await reads.close();
    reads = new SqliteReadStore(file);
    vault = new PersonalDataVault(new ReadStoreSubjectKeyStore(reads));
    expect(await vault.reveal(value)).toBe('persisted');
    const doc = await reads.findOne(SUBJECT_KEYS, { _id: 'contact-1' });
    expect(Buffer.from(doc!.key as string, 'base64')).toHaveLength(32);
  });

  it('creates one key per subject even when first uses race', async () => {
    const values = await Promise.all(Array.from({ length: 10 }, (_, i) => vault.protect('contact-race', `v${i}`)));
    expect(await Promise.all(values.map((v) => vault.reveal(v)))).toEqual(values.map((_, i) => `v${i}`));
    expect(await reads.count(SUBJECT_KEYS, {})).toBe(1);
  });

  describe('two subjects', () => {
    it('each has its own key, and forgetting one leaves the other readable', async () => {
      const jan = await vault.protect('contact-jan', 'jan@example.com');
      const eva = await vault.protect('contact-eva', 'eva@example.com');
      const [janKey, evaKey] = await Promise.all([keys.getKey('contact-jan'), keys.getKey('contact-eva')]);
      expect(janKey).toMatchObject({ state: 'active' });
      expect(janKey.state === 'active' && evaKey.state === 'active' && janKey.key.equals(evaKey.key)).toBe(false);
      await vault.forget('contact-jan', 'data subject request', at);
      expect(await vault.reveal(jan)).toEqual({ erased: true, subject: 'contact-jan', shreddedAt: at.toISOString() });
      expect(await vault.reveal(eva)).toBe('eva@example.com');
    });
  });

  describe('tampering fails loudly', () => {
    let value: EncryptedValue;
    beforeEach(async () => {
      value = await vault.protect('contact-1', 'jan@example.com', 'contact.email');
      await vault.protect('contact-2', 'someone else');
    });
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[0] ^= 0x01;
      return bytes.toString('base64url');
    };

    it.each([
      ['a flipped ciphertext bit', (v: EncryptedValue) => ({ ...v, ct: flip(v.ct) })],
      ['a flipped tag bit', (v: EncryptedValue) => ({ ...v, tag: flip(v.tag) })],
      ['a truncated tag', (v: EncryptedValue) => ({ ...v, tag: v.tag.slice(0, 11) })],
      ['another IV', (v: EncryptedValue) => ({ ...v, iv: flip(v.iv) })],
      ['another purpose (same key: only the AAD differs)', (v: EncryptedValue) => ({ ...v, purpose: 'contact.name' })],
      ['another subject (moved ciphertext)', (v: EncryptedValue) => ({ ...v, subject: 'contact-2' })],
    ])('%s', async (_, tamper) => {
      await expect(vault.reveal(tamper(value))).rejects.toBeInstanceOf(PersonalDataIntegrityError);
      await expect(vault.revealDeep({ email: tamper(value) })).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    });

    it('refuses a malformed or unknown-format value instead of passing it through', async () => {
      await expect(vault.revealDeep({ email: { ...value, pii: 2 } })).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
      await expect(vault.revealDeep({ email: { ...value, extra: 'x' } })).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
    });
  });

  describe('after forget', () => {
    it('reveals as erased, and the event holding the ciphertext still hashes the same', async () => {
      const event = {
        type: 'ContactAdded',
        data: {
          contactId: 'contact-7',
          name: await vault.protect('contact-7', 'Jan Kowalski', 'contact.name'),
          email: await vault.protect('contact-7', 'jan@example.com', 'contact.email'),
          role: 'buyer',
        },
        metadata: { actor: { party: 'company', userId: 'ceo' }, recordedAt: at.toISOString() },
      };
      const stored = JSON.stringify(event);
      const hashBefore = sha256(canonicalJson(event));
      expect(await vault.revealDeep(event.data)).toEqual({
        contactId: 'contact-7',
        name: 'Jan Kowalski',
        email: 'jan@example.com',
        role: 'buyer',
      });

      const tombstone = await vault.forget('contact-7', 'GDPR art. 17 request 2026-041', at);

      expect(tombstone).toEqual({ subject: 'contact-7', shreddedAt: at.toISOString(), reason: 'GDPR art. 17 request 2026-041' });
      const erased = { erased: true, subject: 'contact-7', shreddedAt: at.toISOString() };
      expect(await vault.reveal(event.data.email)).toEqual(erased);
      expect(await vault.revealDeep(event.data)).toEqual({ contactId: 'contact-7', name: erased, email: erased, role: 'buyer' });
      expect(JSON.stringify(event)).toBe(stored);
      expect(sha256(canonicalJson(event))).toBe(hashBefore);
    });

    it('leaves a tombstone and no key material in the store', async () => {
      await vault.protect('contact-7', 'x');
      await vault.forget('contact-7', 'request', at);
      expect(await reads.findOne(SUBJECT_KEYS, { _id: 'contact-7' })).toEqual({
        _id: 'contact-7',
        shreddedAt: at.toISOString(),
        reason: 'request',
      });
      expect(await keys.tombstone('contact-7')).toEqual({ subject: 'contact-7', shreddedAt: at.toISOString(), reason: 'request' });
      expect(await keys.tombstone('contact-8')).toBeNull();
    });

    it('is idempotent: forgetting again keeps the first time and reason', async () => {
      await vault.protect('contact-7', 'x');
      const first = await vault.forget('contact-7', 'first request', at);
      const again = await vault.forget('contact-7', 'second request', new Date('2026-06-01T00:00:00.000Z'));
      expect(again).toEqual(first);
      expect(await keys.listShredded()).toEqual([first]);
    });

    it('concurrent forgets (and a racing first use) settle on one tombstone', async () => {
      await vault.protect('contact-7', 'x');
      const results = await Promise.all(['a', 'b', 'c'].map((reason, i) => vault.forget('contact-7', reason, new Date(at.getTime() + i))));
      expect(new Set(results.map((r) => canonicalJson(r))).size).toBe(1);
      const [shred] = await Promise.allSettled([vault.forget('contact-new', 'r', at), vault.protect('contact-new', 'y')]);
      expect(shred.status).toBe('fulfilled');
      await expect(vault.protect('contact-new', 'z')).rejects.toBeInstanceOf(SubjectErasedError);
    });

    it('never creates a key again for the subject', async () => {
      await vault.protect('contact-7', 'x');
      await vault.forget('contact-7', 'request', at);
      await expect(vault.protect('contact-7', 'new data')).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(keys.ensureKey('contact-7')).rejects.toMatchObject({ code: 'PERSONAL_DATA.SUBJECT_ERASED', kind: 'conflict' });
      expect(await keys.getKey('contact-7')).toMatchObject({ state: 'shredded' });
    });

    it('also blocks a subject that never had a key', async () => {
      await vault.forget('contact-unseen', 'pre-emptive request', at);
      await expect(vault.protect('contact-unseen', 'x')).rejects.toBeInstanceOf(SubjectErasedError);
    });
  });

  it('revealDeep walks nested objects and arrays, mixing subjects, without touching its input', async () => {
    const doc = {
      _id: 'policy-1',
      year: 2026,
      contacts: [
        { role: 'sales', email: await vault.protect('contact-a', 'a@example.com') },
        {
          role: 'finance',
          email: await vault.protect('contact-b', 'b@example.com'),
          phones: [await vault.protect('contact-b', '+48 600 000 000')],
        },
      ],
      note: null,
    };
    await vault.forget('contact-a', 'request', at);
    const copy = structuredClone(doc);
    expect(await vault.revealDeep(doc)).toEqual({
      _id: 'policy-1',
      year: 2026,
      contacts: [
        { role: 'sales', email: { erased: true, subject: 'contact-a', shreddedAt: at.toISOString() } },
        { role: 'finance', email: 'b@example.com', phones: ['+48 600 000 000'] },
      ],
      note: null,
    });
    expect(doc).toEqual(copy);
  });

  it('says a key is missing (not erased) when the key store lost a subject', async () => {
    const value = await vault.protect('contact-1', 'x');
    await reads.write([{ op: 'delete', collection: SUBJECT_KEYS, filter: { _id: 'contact-1' } }]);
    await expect(vault.reveal(value)).rejects.toBeInstanceOf(SubjectKeyMissingError);
  });

  it('validates subject ids, purposes and reasons', async () => {
    await expect(vault.protect('bad subject!', 'x')).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
    await expect(vault.protect('contact-1', 'x', 'Bad Purpose')).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
    await expect(vault.forget('contact-1', '   ')).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
    await expect(vault.forget('contact-1', 'x'.repeat(501))).rejects.toMatchObject({ code: 'PERSONAL_DATA.INVALID' });
  });
});
