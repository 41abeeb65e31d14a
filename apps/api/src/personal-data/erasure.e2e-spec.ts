import { PersonalDataVault, SUBJECT_KEY_STORE, SubjectErasedError, type SubjectKeyStore } from '@cl/personal-data';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('POST /personal-data/:subject/erasure (end to end)', () => {
  let t: TestApp;
  let vault: PersonalDataVault;
  let compliance: string;
  let company: string;
  beforeAll(async () => {
    t = await startTestApp();
    vault = t.app.get(PersonalDataVault);
    compliance = await t.token('compliance');
    company = await t.token('company');
  });
  afterAll(() => t.close());

  const erase = (subject: string, body: object, token = compliance) =>
    t.http().post(`/personal-data/${subject}/erasure`).set('Authorization', `Bearer ${token}`).send(body);

  it('records the erasure, shreds the key, and the protected value then reveals as erased', async () => {
    const email = await vault.protect('contact-jan', 'jan@example.com', 'contact.email');
    expect(await vault.reveal(email)).toBe('jan@example.com');

    const res = await erase('contact-jan', { reason: 'Data subject request DSR-2026-042' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ subject: 'contact-jan', shreddedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(await vault.reveal(email)).toEqual({ erased: true, subject: 'contact-jan', shreddedAt: res.body.shreddedAt });
    const [event, ...more] = await t.events.readStream('personal-data-contact-jan');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: 'PersonalDataErased',
      data: { subject: 'contact-jan', reason: 'Data subject request DSR-2026-042', erasedAt: res.body.shreddedAt },
      metadata: { actor: { party: 'compliance', userId: 'compliance-user' } },
    });
    await expect(vault.protect('contact-jan', 'jan@new.example.com')).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('is idempotent: the company repeating it gets the first shreddedAt, and no second event is recorded', async () => {
    const first = await erase('contact-eva', { reason: 'DSR-1' }, company);
    const again = await erase('contact-eva', { reason: 'DSR-1 (resent)' }, company);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await t.events.readStream('personal-data-contact-eva')).toHaveLength(1);
  });

  it('records the fact first: when shredding fails the event is kept, and a retry completes the erasure', async () => {
    const keys = t.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE);
    const name = await vault.protect('contact-ola', 'Ola Nowak', 'contact.name');
    const shred = jest.spyOn(keys, 'shred').mockRejectedValueOnce(new Error('read store unavailable'));
    try {
      const failed = await erase('contact-ola', { reason: 'DSR-7' });
      expect(failed.status).toBe(500);
      expect(await t.events.readStream('personal-data-contact-ola')).toHaveLength(1);
      expect(await vault.reveal(name)).toBe('Ola Nowak');

      const retried = await erase('contact-ola', { reason: 'DSR-7' });
      expect(retried.status).toBe(200);
    } finally {
      shred.mockRestore();
    }
    expect(await t.events.readStream('personal-data-contact-ola')).toHaveLength(1);
    expect(await vault.reveal(name)).toMatchObject({ erased: true });
  });

  it('refuses a distributor with 403, recording and shredding nothing', async () => {
    const value = await vault.protect('contact-piotr', 'piotr@example.com');
    const res = await erase('contact-piotr', { reason: 'DSR-9' }, await t.token('distributor', { distributorId: 'acme' }));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('AUTH.PARTY_NOT_ALLOWED');
    expect(await t.events.readStream('personal-data-contact-piotr')).toEqual([]);
    expect(await vault.reveal(value)).toBe('piotr@example.com');
  });

  it.each([
    ['a missing reason', 'contact-x', {}, 'reason'],
    ['a blank reason', 'contact-x', { reason: '   ' }, 'reason'],
    ['a reason over 500 characters', 'contact-x', { reason: 'x'.repeat(501) }, 'reason'],
    ['a reason that is not a string', 'contact-x', { reason: 42 }, 'reason'],
    ['a reason with a line break', 'contact-x', { reason: 'DSR-1\nforged line' }, 'reason'],
    ['an unknown field', 'contact-x', { reason: 'DSR', email: 'x@example.com' }, 'email'],
    ['a malformed subject', 'bad%20subject!', { reason: 'DSR' }, 'subject'],
  ])('answers %s with 422 and writes nothing', async (_, subject, body, field) => {
    const before = await t.events.headPosition();
    const res = await erase(subject, body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await t.events.headPosition()).toBe(before);
    expect(await t.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE).tombstone('contact-x')).toBeNull();
  });
});
