/**
 * The one real upcaster, end to end: SaleRefused v2 added `total`. A refusal stored as v1 (appended
 * to the log directly, as an older build wrote it) is read as v2 everywhere: by the command pipeline's
 * fold, by the projector (the sale's read model), and by the feed.
 */
import { randomUUID } from 'node:crypto';
import { publishedEventSchemas } from '@cl/domain/event-contract';
import { saleStream, type SaleRefusedV1 } from '@cl/domain/sales/events';
import { EventValidator } from '../../../../tools/event-contract/event-validator';
import { createFixtures, FIXTURE_YEAR, OWN, OWN_CLIENT } from '../testing/security-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

const SALE_ID = 'refused-by-an-older-build';
const pln = (minor: number) => ({ minor, currency: 'PLN' });
const today = () => new Date().toISOString().slice(0, 10);

/** Two pumps at PLN 1 190.00 and one valve at PLN 99.00: PLN 2 479.00 tried, the pumps below the PLN 1 250.00 floor. */
const storedV1 = (): SaleRefusedV1['data'] => ({
  saleId: SALE_ID,
  seller: { party: 'distributor', distributorId: OWN.id },
  clientId: OWN_CLIENT.clientId,
  date: today(),
  currency: 'PLN',
  lines: [
    { sku: 'PUMP-100', quantity: 2, unitPrice: pln(119_000) },
    { sku: 'VALVE-20', quantity: 1, unitPrice: pln(9_900) },
  ],
  violations: [{ lineIndex: 0, sku: 'PUMP-100', unitPrice: pln(119_000), floor: pln(125_000), policyId: `${OWN.id}-${FIXTURE_YEAR}` }],
  refusedAt: new Date().toISOString(),
});
const TOTAL = pln(2 * 119_000 + 9_900);

describe('SaleRefused stored as v1 is read as v2 everywhere', () => {
  let t: TestApp;
  let seller: string;
  const validator = new EventValidator(publishedEventSchemas);

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    await createFixtures(t);
    seller = `Bearer ${await t.token('distributor', { sub: 'own-seller', distributorId: OWN.id })}`;
    const id = randomUUID();
    const metadata = {
      actor: { party: 'distributor' as const, userId: 'own-seller', distributorId: OWN.id },
      correlationId: id,
      causationId: id,
      recordedAt: new Date().toISOString(),
    };
    const data = storedV1();
    expect(validator.problems({ type: 'SaleRefused', schemaVersion: 1, data })).toEqual([]);
    await t.events.appendToStream(saleStream(SALE_ID), [{ id, type: 'SaleRefused', schemaVersion: 1, data: { ...data }, metadata }], {
      expectedRevision: 'no_stream',
    });
    await t.settled();
  });
  afterAll(() => t?.close());

  it('is stored as v1', async () => {
    const [stored] = await t.events.readStream(saleStream(SALE_ID));
    expect(stored).toMatchObject({ type: 'SaleRefused', schemaVersion: 1 });
    expect(stored.data.total).toBeUndefined();
  });

  it('projects as v2: the refused sale shows the total tried', async () => {
    const res = await t.http().get(`/sales/${SALE_ID}`).set('Authorization', seller);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: SALE_ID, status: 'refused', total: TOTAL, lines: storedV1().lines });
  });

  it("folds in the command pipeline: recording the sale's id again is refused as already on record (refused)", async () => {
    const lines = [{ sku: 'PUMP-100', quantity: 1, unitPrice: pln(125_000) }];
    const res = await t
      .http()
      .post('/sales')
      .set('Authorization', seller)
      .send({ saleId: SALE_ID, clientId: OWN_CLIENT.clientId, date: today(), currency: 'PLN', lines });
    expect(res.status).toBe(409);
    // The problem's `status` is the HTTP one; the sale's state folded from the v1 event is in the detail.
    expect(res.body).toMatchObject({ code: 'SALE.ALREADY_RECORDED', saleId: SALE_ID, detail: expect.stringContaining('(refused)') });
  });

  it('reaches the feed as v2, valid against the current schema', async () => {
    const res = await t
      .http()
      .get('/events?types=SaleRefused')
      .set('Authorization', `Bearer ${await t.token('company')}`);
    expect(res.status).toBe(200);
    const item = res.body.events.find((e: { data: { saleId: string } }) => e.data.saleId === SALE_ID);
    expect(item).toMatchObject({
      type: 'SaleRefused',
      schemaVersion: 2,
      data: { ...storedV1(), refusedAt: expect.any(String), total: TOTAL },
    });
    expect(validator.problems(item)).toEqual([]);
  });
});
