/**
 * POST /clients end to end: one client per tax id (normalised, guaranteed by the log), a distributor
 * only in its own territories, retries with an Idempotency-Key answered from the first write.
 */
import { clientStream } from '@cl/domain/client/events';
import { ACME, ClientWorld } from '../testing/client-world';

describe('POST /clients (end to end)', () => {
  let w: ClientWorld;
  let n = 0;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  /** A fresh Polish tax id for each case, written with the separators people type. */
  const taxId = () => `PL 525-${String(100 + n++).padStart(3, '0')}-77-12`;
  const body = (tax: string, extra: object = {}) => ({
    legalName: 'Mazovian Bakeries Sp. z o.o.',
    taxId: tax,
    territory: 'PL-MZ',
    segment: 'retail',
    annualVolume: { minor: 12_000_000, currency: 'PLN' },
    ...extra,
  });

  it('registers a client with the normalised tax id, attributed to the token’s party and user', async () => {
    const tax = taxId();
    const res = await w.postExpecting(201, ACME.id, '/clients', body(tax));
    const { clientId } = res.body;
    expect(res.headers.location).toBe(`/clients/${clientId}`);
    expect(res.headers.etag).toBe('"0"');
    const [registered] = await w.t.events.readStream(clientStream(clientId));
    expect(registered.data).toMatchObject({ taxId: tax.replace(/[ -]/g, ''), registeredBy: { party: 'distributor', distributorId: ACME.id } });
    expect(registered.metadata.actor).toEqual({ party: 'distributor', userId: `${ACME.id}-user`, distributorId: ACME.id });
  });

  it('refuses a second client with the same tax id, however it is written, naming the existing one', async () => {
    const tax = taxId();
    const first = await w.postExpecting(201, 'company', '/clients', body(tax));
    const again = await w.post(ACME.id, '/clients', body(tax.replace(/ /g, '').replace(/-/g, '.'), { legalName: 'Another name' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CLIENT.TAX_ID_TAKEN', existingClientId: first.body.clientId });
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'taxId' })]);
  });

  it.each([1, 2, 3])('registers one client when two registrations of one tax id race (round %i)', async () => {
    const tax = taxId();
    const answers = await Promise.all([w.post('company', '/clients', body(tax)), w.post(ACME.id, '/clients', body(tax))]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409]);
    const winner = answers.find((a) => a.status === 201)!.body.clientId;
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body).toMatchObject({ code: 'CLIENT.TAX_ID_TAKEN', existingClientId: winner });
    expect((await w.t.events.readStream(clientStream(winner))).map((e) => e.type)).toEqual(['ClientRegistered']);
  });

  it('answers a retry with the same Idempotency-Key from the first write: same client, nothing new', async () => {
    const tax = taxId();
    const auth = await w.auth('company');
    const send = () => w.t.http().post('/clients').set('Authorization', auth).set('Idempotency-Key', `reg-${tax.replace(/\W/g, '')}`).send(body(tax));
    const first = await send();
    const head = await w.t.events.headPosition();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.clientId).toBe(first.body.clientId);
    expect(await w.t.events.headPosition()).toBe(head);
  });

  it('refuses a distributor a client outside its territories, naming the field, and writes nothing', async () => {
    const head = await w.t.events.headPosition();
    const res = await w.post(ACME.id, '/clients', body(taxId(), { territory: 'CZ' }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CLIENT.OUTSIDE_TERRITORY', errors: [expect.objectContaining({ field: 'territory' })] });
    expect(await w.t.events.headPosition()).toBe(head);
  });

  it('refuses invalid input naming each field, and writes nothing', async () => {
    const head = await w.t.events.headPosition();
    const res = await w.post('company', '/clients', body('!!', { territory: 'Poland', annualVolume: { minor: -1, currency: 'pln' } }));
    expect(res.status).toBe(422);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['territory', 'annualVolume.minor', 'annualVolume.currency']));
    const badTax = await w.post('company', '/clients', body('!!'));
    expect(badTax.status).toBe(422);
    expect(badTax.body.errors).toEqual([expect.objectContaining({ field: 'taxId' })]);
    expect(await w.t.events.headPosition()).toBe(head);
  });

  it('refuses compliance, which registers nothing', async () => {
    const res = await w.post('compliance', '/clients', body(taxId()));
    expect(res.status).toBe(403);
  });
});
