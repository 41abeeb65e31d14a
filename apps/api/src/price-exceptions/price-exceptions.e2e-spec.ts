/**
 * Special prices end to end: only the company approves and revokes them; every party that may see the
 * client sees its approvals (a distributor: the clients it owns or holds the territory of).
 */
import { specialPriceStream } from '@cl/domain/sales/events';
import { ACME, BETA, daysFromToday, distributorsClient, keyAccount, pln, SalesWorld, today } from '../sales/testing/sales-world';
import { slowStreamReads } from '../testing/slow-stream-reads';

describe('price exceptions (end to end)', () => {
  let s: SalesWorld;
  beforeAll(async () => {
    s = await SalesWorld.start();
  });
  afterAll(() => s?.close());

  const approval = (clientId: string, overrides: Record<string, unknown> = {}) => ({
    clientId,
    sku: 'PUMP-100',
    unitPrice: pln(115_000),
    validFrom: daysFromToday(-5),
    validTo: daysFromToday(30),
    reason: 'Tender for 40 pumps against a competing offer',
    ...overrides,
  });
  const revoke = (who: string, id: string, effectiveFrom = today()) =>
    s.w.post(who, `/price-exceptions/${id}/revocation`, { effectiveFrom, reason: 'The client did not take the volume' });
  const streamOf = async (clientId: string) => s.t.events.readStream(specialPriceStream(clientId));

  describe('POST /price-exceptions', () => {
    it('records the company’s approval (201) with a generated id, in the client’s special-price stream, acted by the token', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await s.w.post('company', '/price-exceptions', approval(clientId));
      expect(res.status).toBe(201);
      const { specialPriceId } = res.body;
      expect(res.headers.location).toBe(`/price-exceptions/${specialPriceId}`);
      expect(res.body).toMatchObject({ clientId, revision: 0, recorded: [{ type: 'SpecialPriceApproved' }] });
      const [approved] = await streamOf(clientId);
      expect(approved.data).toMatchObject({
        specialPriceId,
        clientId,
        sku: 'PUMP-100',
        unitPrice: pln(115_000),
        validTo: daysFromToday(30),
      });
      expect(approved.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    });

    it.each([ACME.id, 'compliance'])('refuses %s with 403: only the company approves special prices', async (who) => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await s.w.post(who, '/price-exceptions', approval(clientId));
      expect(res.status).toBe(403);
      expect(await streamOf(clientId)).toEqual([]);
    });

    it('refuses an unknown client (422 SPECIAL_PRICE.UNKNOWN_CLIENT) and a validity that ends before it starts (422 naming validTo)', async () => {
      const unknown = await s.w.post('company', '/price-exceptions', approval('c-nobody'));
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'SPECIAL_PRICE.UNKNOWN_CLIENT', errors: [{ field: 'clientId' }] });
      const clientId = await s.w.ownedClient(ACME.id);
      const backwards = await s.w.post(
        'company',
        '/price-exceptions',
        approval(clientId, { validFrom: today(), validTo: daysFromToday(-1) }),
      );
      expect(backwards.status).toBe(422);
      expect(backwards.body).toMatchObject({ code: 'SPECIAL_PRICE.INVALID_COMMAND', errors: [{ field: 'validTo' }] });
      expect(await streamOf(clientId)).toEqual([]);
    });
  });

  describe('concurrent approvals for one client', () => {
    // Each request reads the client's special-price stream before the other appends (the read is held
    // back a little): the second append meets the first, and the handler decides again.
    const races = slowStreamReads(() => s.t.events, 'special-prices-');

    it('records them all: they share the client’s stream, not a price (never a 412)', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const sent = await Promise.all(
        ['PUMP-100', 'VALVE-20', 'PUMP-100'].map((sku) => s.w.post('company', '/price-exceptions', approval(clientId, { sku }))),
      );
      expect(races.conflicts).toBeGreaterThan(0);
      expect(sent.map((r) => r.status)).toEqual([201, 201, 201]);
      expect((await streamOf(clientId)).map((e) => e.type)).toEqual([
        'SpecialPriceApproved',
        'SpecialPriceApproved',
        'SpecialPriceApproved',
      ]);
    });
  });

  describe('POST /price-exceptions/:id/revocation', () => {
    it('revokes right after the approval, from a date, finding the client by the price; a second revocation is 409', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const id = await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-5), daysFromToday(30));
      const res = await revoke('company', id, daysFromToday(1));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ specialPriceId: id, clientId, revision: 1, recorded: [{ type: 'SpecialPriceRevoked' }] });
      expect((await streamOf(clientId))[1].data).toMatchObject({ specialPriceId: id, effectiveFrom: daysFromToday(1), sku: 'PUMP-100' });
      const again = await revoke('company', id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SPECIAL_PRICE.ALREADY_REVOKED');
      const read = await s.get(ACME.id, `/price-exceptions/${id}`);
      expect(read.body).toMatchObject({
        id,
        validUntil: daysFromToday(1),
        revoked: { effectiveFrom: daysFromToday(1), by: { party: 'company' } },
      });
    });

    it('answers an unknown special price with 404, and an effective date outside the validity with 422 naming it', async () => {
      expect((await revoke('company', 'sp-nobody')).status).toBe(404);
      const clientId = await s.w.ownedClient(ACME.id);
      const id = await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-5), daysFromToday(5));
      const late = await revoke('company', id, daysFromToday(10));
      expect(late.status).toBe(422);
      expect(late.body.errors).toEqual([expect.objectContaining({ field: 'effectiveFrom' })]);
    });

    it('refuses a distributor with 403', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const id = await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-5), daysFromToday(5));
      expect((await revoke(ACME.id, id)).status).toBe(403);
    });
  });

  describe('GET /price-exceptions', () => {
    let acmeClient: string;
    let keyClient: string;
    let betaClient: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      acmeClient = await s.w.ownedClient(ACME.id);
      keyClient = await s.w.ownedClient('company', keyAccount());
      betaClient = await s.w.ownedClient(BETA.id, distributorsClient({ territory: 'CZ' }));
      ids.acmePump = await s.specialPrice(acmeClient, 'PUMP-100', 115_000, daysFromToday(-5), daysFromToday(5));
      ids.acmeValveExpired = await s.specialPrice(acmeClient, 'VALVE-20', 8_000, daysFromToday(-30), daysFromToday(-1));
      ids.keyPump = await s.specialPrice(keyClient, 'PUMP-100', 110_000, daysFromToday(-5), daysFromToday(5));
      ids.betaPump = await s.specialPrice(betaClient, 'PUMP-100', 112_000, daysFromToday(-5), daysFromToday(5));
    });

    const listed = async (who: string, query: string) => {
      const res = await s.get(who, `/price-exceptions${query}`);
      expect(res.status).toBe(200);
      return new Set((res.body.items as Array<{ id: string }>).map((i) => i.id));
    };
    const named = (...keys: string[]) => new Set(keys.map((k) => ids[k]));
    const holds = (seen: Set<string>, ...keys: string[]) => keys.filter((k) => seen.has(ids[k]));

    it('shows the company and compliance every approval', async () => {
      for (const who of ['company', 'compliance']) {
        expect(holds(await listed(who, '?limit=200'), 'acmePump', 'acmeValveExpired', 'keyPump', 'betaPump')).toHaveLength(4);
      }
    });

    it('shows a distributor the approvals for the clients it may see: owned, or in its territories', async () => {
      expect(holds(await listed(ACME.id, '?limit=200'), 'acmePump', 'acmeValveExpired', 'keyPump', 'betaPump')).toEqual([
        'acmePump',
        'acmeValveExpired',
        'keyPump',
      ]);
      expect(holds(await listed(BETA.id, '?limit=200'), 'acmePump', 'acmeValveExpired', 'keyPump', 'betaPump')).toEqual(['betaPump']);
      expect(await listed(BETA.id, `?clientId=${acmeClient}`)).toEqual(new Set());
    });

    it('answers a special price for a client the distributor may not see with 404', async () => {
      expect((await s.get(BETA.id, `/price-exceptions/${ids.acmePump}`)).status).toBe(404);
      const own = await s.get(ACME.id, `/price-exceptions/${ids.acmePump}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        id: ids.acmePump,
        clientId: acmeClient,
        sku: 'PUMP-100',
        unitPrice: pln(115_000),
        approvedBy: { party: 'company' },
      });
    });

    it('filters by SKU and by the day a sale could use them', async () => {
      expect(await listed('company', `?clientId=${acmeClient}&sku=VALVE-20`)).toEqual(named('acmeValveExpired'));
      expect(await listed('company', `?clientId=${acmeClient}&validOn=${today()}`)).toEqual(named('acmePump'));
      expect(await listed('company', `?clientId=${acmeClient}&validOn=${daysFromToday(-10)}`)).toEqual(named('acmeValveExpired'));
    });

    it('refuses an invalid filter with 422 naming it', async () => {
      const res = await s.get('company', '/price-exceptions?validOn=today');
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('validOn');
    });
  });
});
