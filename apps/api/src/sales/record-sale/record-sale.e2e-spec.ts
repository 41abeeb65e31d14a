/**
 * Recording sales end to end: the floors, currency and plan period of the governing policy in force on
 * the sale date, special prices, channel conflicts — and a sale below the floor refused with a 409 AND
 * recorded as SaleRefused, which compliance must see. Other refusals write nothing.
 */
import {
  ACME,
  BETA,
  COMPANY_SIDE,
  daysFromToday,
  distributorsClient,
  keyAccount,
  pln,
  PUMP_FLOOR,
  pumps,
  SalesWorld,
  today,
  VALVE_FLOOR,
  valves,
  YEAR,
} from '../testing/sales-world';
import { slowStreamReads } from '../../testing/slow-stream-reads';

describe('POST /sales (end to end)', () => {
  let s: SalesWorld;
  beforeAll(async () => {
    s = await SalesWorld.start();
  });
  afterAll(() => s?.close());

  const month = () => today().slice(0, 7);

  describe('against the floor of the governing policy', () => {
    it('records a sale at or above the floor (201), with each line’s floor, the policy and plan period, and who sold it', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await s.sell(ACME.id, clientId, [pumps(2, PUMP_FLOOR), valves(10, 10_000)]);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/sales/${res.body.saleId}`);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({ revision: 0, total: pln(350_000), channelConflict: null, recorded: [{ type: 'SaleRecorded' }] });
      const [recorded] = await s.saleEvents(res.body.saleId);
      expect(recorded.data).toMatchObject({
        seller: { party: 'distributor', distributorId: ACME.id },
        clientId,
        territory: 'PL-MZ',
        segment: 'retail',
        date: today(),
        policyId: `${ACME.id}-${YEAR}`,
        period: month(),
        lines: [
          { sku: 'PUMP-100', quantity: 2, lineTotal: pln(250_000), floor: pln(PUMP_FLOOR) },
          { sku: 'VALVE-20', quantity: 10, lineTotal: pln(100_000), floor: pln(VALVE_FLOOR) },
        ],
        channelConflict: null,
      });
      expect(recorded.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
    });

    it('refuses a line below the floor with 409 SALE.BELOW_FLOOR naming the violation, and records the refusal', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await s.sell(ACME.id, clientId, [valves(1, VALVE_FLOOR), pumps(1, PUMP_FLOOR - 1)]);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const violation = {
        lineIndex: 1,
        sku: 'PUMP-100',
        unitPrice: pln(PUMP_FLOOR - 1),
        floor: pln(PUMP_FLOOR),
        policyId: `${ACME.id}-${YEAR}`,
      };
      expect(res.body).toMatchObject({
        code: 'SALE.BELOW_FLOOR',
        violations: [violation],
        revision: 0,
        recorded: [{ type: 'SaleRefused' }],
      });
      const saleId = res.body.saleId as string;
      const events = await s.saleEvents(saleId);
      expect(events.map((e) => e.type)).toEqual(['SaleRefused']);
      expect(events[0].data).toMatchObject({ clientId, violations: [violation] });
      expect(events[0].metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
      const read = await s.get('compliance', `/sales/${saleId}`);
      expect(read.body).toMatchObject({ id: saleId, status: 'refused', violations: [violation], recordedBy: { userId: 'acme-user' } });
    });

    it('answers a retry of a refused sale (same Idempotency-Key) with the same 409, recording the refusal once', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const send = async () =>
        s.t
          .http()
          .post('/sales')
          .set('Authorization', await s.w.auth(ACME.id))
          .set('Idempotency-Key', `refused-${clientId}`)
          .send({ clientId, date: today(), currency: 'PLN', lines: [pumps(1, 1)] });
      const first = await send();
      const again = await send();
      expect([first.status, again.status]).toEqual([409, 409]);
      expect(again.body.saleId).toBe(first.body.saleId);
      expect((await s.saleEvents(first.body.saleId)).map((e) => e.type)).toEqual(['SaleRefused']);
    });
  });

  describe('special prices', () => {
    it('lets a sale go below the floor down to a special price valid for that client, SKU and date', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const specialPriceId = await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-10), daysFromToday(10));
      const res = await s.sell(ACME.id, clientId, [pumps(4, 115_000)]);
      expect(res.status).toBe(201);
      const [recorded] = await s.saleEvents(res.body.saleId);
      expect(recorded.data).toMatchObject({ lines: [{ sku: 'PUMP-100', floor: pln(PUMP_FLOOR), specialPriceId }] });
    });

    it('does not go below the special price itself', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-10), daysFromToday(10));
      const res = await s.sell(ACME.id, clientId, [pumps(1, 114_999)]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SALE.BELOW_FLOOR');
    });

    it.each([
      [
        'expired',
        async (clientId: string) => void (await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-10), daysFromToday(-1))),
      ],
      [
        'not valid yet',
        async (clientId: string) => void (await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(1), daysFromToday(10))),
      ],
      [
        'for another SKU',
        async (clientId: string) => void (await s.specialPrice(clientId, 'VALVE-20', 115_000, daysFromToday(-10), daysFromToday(10))),
      ],
      [
        'for another client',
        async () => {
          const other = await s.w.ownedClient(ACME.id);
          await s.specialPrice(other, 'PUMP-100', 115_000, daysFromToday(-10), daysFromToday(10));
        },
      ],
      [
        'revoked from today',
        async (clientId: string) => {
          const id = await s.specialPrice(clientId, 'PUMP-100', 115_000, daysFromToday(-10), daysFromToday(10));
          await s.w.postExpecting(201, 'company', `/price-exceptions/${id}/revocation`, { effectiveFrom: today(), reason: 'Tender lost' });
        },
      ],
    ])('refuses below the floor when the only special price is %s (and records the refusal)', async (_what, arrange) => {
      const clientId = await s.w.ownedClient(ACME.id);
      await arrange(clientId);
      const res = await s.sell(ACME.id, clientId, [pumps(1, 115_000)]);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'SALE.BELOW_FLOOR', violations: [{ sku: 'PUMP-100', floor: pln(PUMP_FLOOR) }] });
      expect((await s.saleEvents(res.body.saleId)).map((e) => e.type)).toEqual(['SaleRefused']);
    });
  });

  describe('refusals that record nothing', () => {
    async function expectNothingWritten(send: () => Promise<{ status: number; body: Record<string, unknown> }>) {
      const before = await s.t.events.headPosition();
      const res = await send();
      expect(await s.t.events.headPosition()).toBe(before);
      return res;
    }

    it("refuses a currency other than the policy's with 422 SALE.CURRENCY_MISMATCH naming currency", async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const eur = { sku: 'PUMP-100', quantity: 1, unitPrice: { minor: 500_000, currency: 'EUR' } };
      const res = await expectNothingWritten(() => s.sell(ACME.id, clientId, [eur], { currency: 'EUR' }));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'SALE.CURRENCY_MISMATCH', expected: 'PLN', actual: 'EUR', errors: [{ field: 'currency' }] });
    });

    it('refuses a client that does not exist with 422 SALE.UNKNOWN_CLIENT naming clientId', async () => {
      const res = await expectNothingWritten(() => s.sell(ACME.id, 'c-nobody', [pumps(1, PUMP_FLOOR)]));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'SALE.UNKNOWN_CLIENT', clientId: 'c-nobody', errors: [{ field: 'clientId' }] });
    });

    it('answers a distributor selling to a client it may not see exactly as for one that does not exist', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await expectNothingWritten(() => s.sell(BETA.id, clientId, [pumps(1, PUMP_FLOOR)]));
      const missing = await s.sell(BETA.id, 'c-nobody', [pumps(1, PUMP_FLOOR)]);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('SALE.UNKNOWN_CLIENT');
      const shape = (body: Record<string, unknown>) =>
        JSON.stringify(body)
          .replaceAll(clientId, 'ID')
          .replaceAll('c-nobody', 'ID')
          .replace(/"correlationId":"[^"]*"/, '');
      expect(shape(res.body)).toBe(shape(missing.body));
    });

    it('refuses a sale dated in the future, naming date', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await expectNothingWritten(() => s.sell(ACME.id, clientId, [pumps(1, PUMP_FLOOR)], { date: daysFromToday(2) }));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'SALE.INVALID_COMMAND', errors: [{ field: 'date' }] });
    });

    it('refuses compliance, which only reads (403)', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const res = await expectNothingWritten(() => s.sell('compliance', clientId, [pumps(1, PUMP_FLOOR)]));
      expect(res.status).toBe(403);
    });
  });

  describe('channel conflicts', () => {
    it("records a distributor's sale to a client the company owns, flagged with the owner on the sale date", async () => {
      const clientId = await s.w.ownedClient('company', keyAccount());
      const res = await s.sell(ACME.id, clientId, [pumps(1, PUMP_FLOOR)]);
      expect(res.status).toBe(201);
      expect(res.body.channelConflict).toEqual({ owner: COMPANY_SIDE });
      const [recorded] = await s.saleEvents(res.body.saleId);
      expect(recorded.data).toMatchObject({
        policyId: `${ACME.id}-${YEAR}`,
        segment: 'key-account',
        channelConflict: { owner: COMPANY_SIDE },
      });
    });

    it("records the company's sale to a distributor's client under the floors of the policy covering the client", async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const refused = await s.sell('company', clientId, [pumps(1, PUMP_FLOOR - 100)]);
      expect(refused.status).toBe(409);
      const res = await s.sell('company', clientId, [pumps(1, PUMP_FLOOR)]);
      expect(res.status).toBe(201);
      expect(res.body.channelConflict).toEqual({ owner: { party: 'distributor', distributorId: ACME.id } });
      const [recorded] = await s.saleEvents(res.body.saleId);
      expect(recorded.data).toMatchObject({ seller: COMPANY_SIDE, policyId: `${ACME.id}-${YEAR}`, period: month() });
      expect(recorded.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    });

    it('flags a sale to a client nobody owns (owner null)', async () => {
      const clientId = await s.w.registerClient(distributorsClient());
      const res = await s.sell(ACME.id, clientId, [pumps(1, PUMP_FLOOR)]);
      expect(res.status).toBe(201);
      expect(res.body.channelConflict).toEqual({ owner: null });
    });
  });

  describe('concurrent recordings under one id', () => {
    // Both requests read the empty stream before either appends (the read of the sale stream is held back
    // a little), so the second append meets the first: the handler decides again and finds the sale on record.
    const races = slowStreamReads(() => s.t.events, 'sale-');

    it('records one and refuses the other with 409 SALE.ALREADY_RECORDED (never a 412)', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const saleId = `race-${clientId}`;
      const sent = await Promise.all([1, 2].map((n) => s.sell(ACME.id, clientId, [pumps(n, PUMP_FLOOR)], { saleId })));
      expect(races.conflicts).toBeGreaterThan(0);
      expect(sent.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(sent.find((r) => r.status === 409)?.body.code).toBe('SALE.ALREADY_RECORDED');
      expect((await s.saleEvents(saleId)).map((e) => e.type)).toEqual(['SaleRecorded']);
    });
  });

  describe('ids', () => {
    it('derives the sale id from the Idempotency-Key, so a retry records the sale once', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const send = async () =>
        s.t
          .http()
          .post('/sales')
          .set('Authorization', await s.w.auth(ACME.id))
          .set('Idempotency-Key', `sale-${clientId}`)
          .send({ clientId, date: today(), currency: 'PLN', lines: [pumps(1, PUMP_FLOOR)] });
      const first = await send();
      const again = await send();
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.saleId).toBe(first.body.saleId);
      expect((await s.saleEvents(first.body.saleId)).map((e) => e.type)).toEqual(['SaleRecorded']);
    });

    it('draws an id at random when none is given, and records the sale without reading its (new) stream first', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const reads = jest.spyOn(s.t.events, 'readStream');
      try {
        const res = await s.sell(ACME.id, clientId, [pumps(1, PUMP_FLOOR)]);
        expect(res.status).toBe(201);
        expect(res.body.saleId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(reads.mock.calls.filter(([stream]) => stream === `sale-${res.body.saleId}`)).toEqual([]);
      } finally {
        reads.mockRestore();
      }
      expect((await s.saleEvents((await s.sell(ACME.id, clientId, [pumps(2, PUMP_FLOOR)])).body.saleId)).map((e) => e.type)).toEqual(['SaleRecorded']);
    });

    it('takes the caller’s sale id, and refuses a second sale under it with 409 SALE.ALREADY_RECORDED', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const saleId = `s-${clientId}`;
      expect((await s.sell(ACME.id, clientId, [pumps(1, PUMP_FLOOR)], { saleId })).status).toBe(201);
      const again = await s.sell(ACME.id, clientId, [pumps(2, PUMP_FLOOR)], { saleId });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SALE.ALREADY_RECORDED');
    });
  });
});
