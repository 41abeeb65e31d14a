/**
 * Corrections and cancellations end to end: new events that refer to the sale, by its seller only,
 * judged on the sale's original date; the SaleRecorded stays in the history, and the shared client
 * history shows every step to both sides.
 */
import {
  ACME,
  BETA,
  COMPANY_SIDE,
  daysFromToday,
  distributorsClient,
  pln,
  PUMP_FLOOR,
  pumps,
  SalesWorld,
  valves,
} from '../testing/sales-world';

describe('POST /sales/:id/corrections and /cancellation (end to end)', () => {
  let s: SalesWorld;
  beforeAll(async () => {
    s = await SalesWorld.start();
  });
  afterAll(() => s?.close());

  const correct = (who: string, saleId: string, lines: object[], reason = 'The invoice listed 3 pumps, not 2') =>
    s.w.post(who, `/sales/${saleId}/corrections`, { lines, reason });
  const cancel = (who: string, saleId: string, reason = 'Returned unopened') => s.w.post(who, `/sales/${saleId}/cancellation`, { reason });
  const types = async (saleId: string) => (await s.saleEvents(saleId)).map((e) => e.type);

  it('records a correction as SaleCorrected with the difference, keeping the SaleRecorded it refers to', async () => {
    const clientId = await s.w.ownedClient(ACME.id);
    const saleId = await s.sold(ACME.id, clientId, [pumps(2, 130_000)]);
    const res = await correct(ACME.id, saleId, [pumps(3, 130_000)]);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      saleId,
      revision: 1,
      total: pln(390_000),
      delta: pln(130_000),
      recorded: [{ type: 'SaleCorrected' }],
    });
    const [recorded, corrected] = await s.saleEvents(saleId);
    expect(recorded).toMatchObject({ type: 'SaleRecorded', data: { total: pln(260_000), lines: [{ quantity: 2 }] } });
    expect(corrected.data).toMatchObject({
      correctionNo: 1,
      previousTotal: pln(260_000),
      total: pln(390_000),
      reason: 'The invoice listed 3 pumps, not 2',
    });
    expect(corrected.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
    const read = await s.get('company', `/sales/${saleId}`);
    expect(read.body).toMatchObject({ status: 'recorded', total: pln(390_000), corrections: 1, correctionLog: [{ delta: pln(130_000) }] });
  });

  it('refuses a correction below the floor with 409 SALE.BELOW_FLOOR and records nothing: the sale stands', async () => {
    const clientId = await s.w.ownedClient(ACME.id);
    const saleId = await s.sold(ACME.id, clientId, [pumps(2, 130_000)]);
    const res = await correct(ACME.id, saleId, [pumps(2, PUMP_FLOOR - 1)]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SALE.BELOW_FLOOR');
    expect(res.body.recorded).toBeUndefined();
    expect(await types(saleId)).toEqual(['SaleRecorded']);
  });

  it("judges a correction against the sale's original date, not today's terms", async () => {
    // Yesterday no policy covered the client yet (the world's policies came into force today): no floor governed the sale.
    const clientId = await s.w.registerClient(distributorsClient());
    const saleId = await s.sold('company', clientId, [pumps(1, 90_000)], { date: daysFromToday(-1) });
    const res = await correct('company', saleId, [pumps(2, 90_000)], 'Two pumps were delivered');
    expect(res.status).toBe(201);
    expect((await s.saleEvents(saleId))[1].data).toMatchObject({ policyId: null, period: null, lines: [{ quantity: 2 }] });
    expect((await s.sell('company', clientId, [pumps(2, 90_000)])).status).toBe(409); // today's floor would refuse it
  });

  it('records a cancellation as SaleCancelled; a cancelled sale is final', async () => {
    const clientId = await s.w.ownedClient(ACME.id);
    const saleId = await s.sold(ACME.id, clientId, [pumps(2, 130_000)]);
    const res = await cancel(ACME.id, saleId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ saleId, revision: 1, recorded: [{ type: 'SaleCancelled', data: { previousTotal: pln(260_000) } }] });
    expect((await cancel(ACME.id, saleId)).body.code).toBe('SALE.CANCELLED');
    expect((await correct(ACME.id, saleId, [pumps(1, 130_000)])).body.code).toBe('SALE.CANCELLED');
    expect(await types(saleId)).toEqual(['SaleRecorded', 'SaleCancelled']);
    const read = await s.get(ACME.id, `/sales/${saleId}`);
    expect(read.body).toMatchObject({ status: 'cancelled', total: pln(260_000), cancellation: { reason: 'Returned unopened' } });
  });

  describe('who may change a sale', () => {
    it("refuses the other side with 403 SALE.NOT_SELLER when it may see the sale (the client's owner)", async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const saleId = await s.sold('company', clientId, [pumps(1, PUMP_FLOOR)]);
      const res = await correct(ACME.id, saleId, [pumps(2, PUMP_FLOOR)]);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SALE.NOT_SELLER');
      expect((await cancel(ACME.id, saleId)).status).toBe(403);
      expect(await types(saleId)).toEqual(['SaleRecorded']);
    });

    it('answers a distributor that may not see the sale with 404, as for a sale that does not exist', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const saleId = await s.sold(ACME.id, clientId, [pumps(1, PUMP_FLOOR)]);
      for (const res of [
        await correct(BETA.id, saleId, [pumps(2, PUMP_FLOOR)]),
        await cancel(BETA.id, saleId),
        await cancel(BETA.id, 's-nobody'),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('SALE.NOT_FOUND');
      }
      expect(await types(saleId)).toEqual(['SaleRecorded']);
    });

    it('refuses changing a refused sale (409 SALE.NOT_RECORDED)', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const refused = await s.sell(ACME.id, clientId, [pumps(1, 1)]);
      expect((await cancel(ACME.id, refused.body.saleId)).body.code).toBe('SALE.NOT_RECORDED');
    });

    it('refuses a stale If-Match with 412 and records nothing', async () => {
      const clientId = await s.w.ownedClient(ACME.id);
      const saleId = await s.sold(ACME.id, clientId, [pumps(1, PUMP_FLOOR)]);
      await correct(ACME.id, saleId, [pumps(2, PUMP_FLOOR)]);
      const res = await s.t
        .http()
        .post(`/sales/${saleId}/cancellation`)
        .set('Authorization', await s.w.auth(ACME.id))
        .set('If-Match', '"0"')
        .send({ reason: 'stale' });
      expect(res.status).toBe(412);
      expect(await types(saleId)).toEqual(['SaleRecorded', 'SaleCorrected']);
    });
  });

  it("shows every sale, correction and cancellation in the client's shared history, to both sides", async () => {
    const clientId = await s.w.ownedClient(ACME.id);
    const own = await s.sold(ACME.id, clientId, [pumps(2, 130_000)]);
    await correct(ACME.id, own, [pumps(3, 130_000)]);
    const company = await s.sold('company', clientId, [valves(10, 10_000)]);
    await cancel('company', company);
    for (const who of [ACME.id, 'company']) {
      const res = await s.get(who, `/clients/${clientId}/history`);
      const sales = (res.body.items as Array<Record<string, unknown>>).filter((e) => String(e.kind).startsWith('sale'));
      expect(sales.map((e) => [e.kind, e.saleId])).toEqual([
        ['sale', own],
        ['sale-corrected', own],
        ['sale', company],
        ['sale-cancelled', company],
      ]);
      expect(sales[2]).toMatchObject({
        seller: COMPANY_SIDE,
        total: pln(100_000),
        lines: [{ sku: 'VALVE-20', quantity: 10, unitPrice: pln(10_000) }],
        channelConflict: { owner: { party: 'distributor', distributorId: ACME.id } },
        by: { party: 'company', userId: 'company-user' },
      });
      expect(sales[1]).toMatchObject({ delta: pln(130_000), total: pln(390_000), by: { userId: 'acme-user' } });
    }
  });
});
