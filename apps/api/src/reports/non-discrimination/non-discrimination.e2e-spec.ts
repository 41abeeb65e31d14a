/** GET /reports/non-discrimination end to end over the money year: channel prices from the facts, tolerance, scoping, CSV. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { channelCells } from '../testing/expected';
import { buildMoneyYear, Y, type MoneyYear } from '../testing/money-year';
import { csvRecords, field, getReport, operationOf, parseCsv, type Caller } from '../testing/report-http';
import { NON_DISCRIMINATION_COLUMNS } from './non-discrimination-columns';
import type { NonDiscriminationReport, PriceGroupView } from './non-discrimination.dto';

type Cell = ReturnType<typeof channelCells> extends Map<string, infer C> ? C : never;

/** The groups the facts make: channels ordered company first, then by key; groups by territory, SKU and month. */
function expectedGroups(territories?: string[]): Array<{ key: string; channels: Array<[string, number, number]> }> {
  const groups = new Map<string, Cell[]>();
  for (const c of channelCells().values()) {
    if (territories && !territories.includes(c.territory)) continue;
    const key = `${c.territory} ${c.sku} ${c.month}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.keys()].sort().map((key) => ({
    key,
    channels: groups
      .get(key)!
      .sort((a, b) => a.channel.localeCompare(b.channel))
      .map((c): [string, number, number] => [c.channel, c.quantity, c.amount]),
  }));
}

/**
 * Two channels' average prices compared from their sums: [lower, higher, ⌊(high − low) / low × 10 000⌋],
 * and whether the difference exceeds a tolerance, compared exactly rather than through the floored bp.
 */
function differenceOf(a: [string, number, number], b: [string, number, number], toleranceBp: number): [string, string, number] | undefined {
  const [low, high] = a[2] * b[1] < b[2] * a[1] ? [a, b] : [b, a];
  const excess = BigInt(high[2]) * BigInt(low[1]) - BigInt(low[2]) * BigInt(high[1]);
  const base = BigInt(low[2]) * BigInt(high[1]);
  if (excess * 10_000n <= BigInt(toleranceBp) * base) return undefined;
  return [low[0], high[0], Number((excess * 10_000n) / base)];
}

const keyOf = (g: PriceGroupView) => `${g.territory} ${g.sku} ${g.month}`;

describe('GET /reports/non-discrimination (end to end)', () => {
  let t: TestApp;
  let w: MoneyYear;
  const report = (query = '', as: Caller = 'company', accept?: string) =>
    getReport(t, w, `/reports/non-discrimination${query ? `?${query}` : ''}`, as, accept);
  const body = async (query = '', as: Caller = 'company'): Promise<NonDiscriminationReport> => (await report(query, as).expect(200)).body;
  const flagged = (r: NonDiscriminationReport) => r.groups.filter((g) => g.differences.length > 0);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it('gives, per territory, SKU and month, what each channel sold net of corrections and cancellations, and its unit price', async () => {
    const r = await body();
    expect(r.groups.map((g) => ({ key: keyOf(g), channels: g.channels.map((c) => [c.channel, c.quantity, c.amountMinor]) }))).toEqual(
      expectedGroups(),
    );
    // The cancelled February valves are no price at all; January counts the corrected quantity.
    expect(r.groups.map(keyOf)).not.toContain(`PL-MZ VALVE-20 ${Y}-02`);
    expect(r.groups.find((g) => keyOf(g) === `PL-MZ PUMP-100 ${Y}-01`)!.channels).toEqual([
      { channel: 'distributor:acme', quantity: 68, amountMinor: 8_856_000, unitPriceMinor: '130235.29' },
    ]);
  });

  it('lists the channel pairs further apart than the default 2%, with the sales behind them', async () => {
    const r = await body();
    expect([r.toleranceBp, r.tolerance]).toEqual([200, '2.00%']);
    const [march] = flagged(r);
    expect(flagged(r).map(keyOf)).toEqual([`PL-MZ PUMP-100 ${Y}-03`]);
    const channels = expectedGroups().find((g) => g.key === keyOf(march))!.channels;
    const pairs = channels.flatMap((a, i) => channels.slice(i + 1).map((b) => differenceOf(a, b, 200))).filter((d) => d !== undefined);
    expect(march.differences.map((d) => [d.lower, d.higher, d.differenceBp])).toEqual(pairs);
    expect(march.differences).toEqual([
      {
        lower: 'distributor:acme',
        higher: 'company',
        lowerUnitPriceMinor: '125555.56',
        higherUnitPriceMinor: '135000.00',
        differenceBp: 752,
        difference: '7.52%',
      },
      {
        lower: 'distributor:beta',
        higher: 'company',
        lowerUnitPriceMinor: '129000.00',
        higherUnitPriceMinor: '135000.00',
        differenceBp: 465,
        difference: '4.65%',
      },
      {
        lower: 'distributor:acme',
        higher: 'distributor:beta',
        lowerUnitPriceMinor: '125555.56',
        higherUnitPriceMinor: '129000.00',
        differenceBp: 274,
        difference: '2.74%',
      },
    ]);
    expect(march.sales.map((s) => [s.saleId, s.channel, s.clientId, s.quantity, s.amountMinor])).toEqual([
      ['company-mar-2', 'company', 'c-warsaw', 20, 2_700_000],
      ['acme-mar-1', 'distributor:acme', 'c-radom', 20, 2_200_000],
      ['acme-mar-2', 'distributor:acme', 'c-warsaw', 70, 9_100_000],
      ['beta-mar-2', 'distributor:beta', 'c-radom', 5, 645_000],
    ]);
  });

  it('takes the tolerance from the request: tighter lists July’s 1.6%, wider lists nothing', async () => {
    const tight = await body('toleranceBp=100');
    expect(flagged(tight).map(keyOf)).toEqual([`PL-MZ PUMP-100 ${Y}-03`, `PL-MZ PUMP-100 ${Y}-07`]);
    expect(flagged(tight)[1].differences).toMatchObject([{ lower: 'distributor:acme', higher: 'company', differenceBp: 160 }]);
    expect(flagged(tight)[1].sales.map((s) => s.saleId)).toEqual(['company-jul-1', 'acme-jul-1']);
    expect(flagged(await body('toleranceBp=752'))[0].differences.map((d) => d.differenceBp)).toEqual([752]);
    expect(flagged(await body('toleranceBp=800'))).toEqual([]);
    expect((await body('toleranceBp=0')).tolerance).toBe('0.00%');
  });

  it.each([
    ['territory=PL-MA', [`PL-MA PUMP-100 ${Y}-02`, `PL-MA PUMP-100 ${Y}-03`]],
    [`territory=CZ&from=${Y}-03`, [`CZ PUMP-100 ${Y}-03`, `CZ PUMP-100 ${Y}-05`]],
    [`sku=VALVE-20&to=${Y}-02`, [`PL-MZ VALVE-20 ${Y}-01`]],
    [`territory=PL&from=${Y}-07&to=${Y}-07`, [`PL-MZ PUMP-100 ${Y}-07`]],
  ])('filters by %s', async (query, keys) => {
    expect((await body(query)).groups.map(keyOf)).toEqual(keys);
  });

  describe('scoping', () => {
    it('shows a distributor the groups of its territories only', async () => {
      expect((await body('', 'acme')).groups.map(keyOf)).toEqual(expectedGroups(['PL-MA', 'PL-MZ']).map((g) => g.key));
      expect((await body('', 'beta')).groups.map(keyOf)).toEqual(expectedGroups(['CZ']).map((g) => g.key));
      expect((await body('', 'gamma')).groups.map(keyOf)).toEqual([`PL-PM PUMP-100 ${Y}-03`]);
      expect((await body('territory=CZ', 'acme')).groups).toEqual([]);
    });

    it("shows it every channel's price there, but another distributor's sales not", async () => {
      const [march] = flagged(await body('', 'acme'));
      expect(march.channels.map((c) => c.channel)).toEqual(['company', 'distributor:acme', 'distributor:beta']);
      expect(march.differences).toHaveLength(3);
      expect(march.sales.map((s) => s.saleId)).toEqual(['company-mar-2', 'acme-mar-1', 'acme-mar-2']);
    });

    it('shows compliance what the company sees', async () => {
      expect((await body('', 'compliance')).groups).toEqual((await body()).groups);
    });
  });

  it('answers the same groups as CSV, one row per channel', async () => {
    const json = await body('toleranceBp=100');
    const csv = await report('toleranceBp=100', 'company', 'text/csv').expect(200);
    expect(parseCsv(csv.text)[0]).toEqual(NON_DISCRIMINATION_COLUMNS.map((c) => c.header));
    expect(csvRecords(csv.text)).toEqual(
      json.groups.flatMap((g) =>
        g.channels.map((c) => {
          const mine = g.differences.filter((d) => d.lower === c.channel || d.higher === c.channel);
          const bps = mine.map((d) => d.differenceBp).filter((bp): bp is number => bp !== null);
          return {
            territory: g.territory,
            sku: g.sku,
            month: g.month,
            currency: g.currency,
            channel: c.channel,
            quantity: field(c.quantity),
            amountMinor: field(c.amountMinor),
            unitPriceMinor: c.unitPriceMinor,
            beyondTolerance: String(mine.length > 0),
            maxDifferenceBp: bps.length ? String(Math.max(...bps)) : '',
            differsFrom: mine.map((d) => (d.lower === c.channel ? d.higher : d.lower)).join(' '),
            saleIds: g.sales
              .filter((s) => s.channel === c.channel)
              .map((s) => s.saleId)
              .join(' '),
          };
        }),
      ),
    );
    const march = csvRecords(csv.text).find((r) => r.month === `${Y}-03` && r.territory === 'PL-MZ' && r.channel === 'company');
    expect(march).toMatchObject({ maxDifferenceBp: '752', differsFrom: 'distributor:acme distributor:beta', saleIds: 'company-mar-2' });
  });

  it.each([
    ['from=2025-3', 'from'],
    [`from=${Y}-05&to=${Y}-04`, 'to'],
    ['toleranceBp=10001', 'toleranceBp'],
    ['toleranceBp=1.5', 'toleranceBp'],
    ['territory=pl', 'territory'],
    ['channel=company', 'channel'],
  ])('refuses %s with a 422 naming %s', async (query, name) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
  });

  it('documents JSON and CSV, and every CSV column', async () => {
    const op = await operationOf(t, '/reports/non-discrimination');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    for (const c of NON_DISCRIMINATION_COLUMNS)
      expect(op.responses['200'].content['text/csv'].schema.description).toContain(`\`${c.header}\``);
    expect(op.parameters.every((p: { required?: boolean }) => !p.required)).toBe(true);
  });
});

describe('GET /reports/non-discrimination with NON_DISCRIMINATION_TOLERANCE_BP set', () => {
  let t: TestApp;
  let w: MoneyYear;
  beforeAll(async () => {
    t = await startTestApp({ NON_DISCRIMINATION_TOLERANCE_BP: '500' });
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it('uses it as the default tolerance', async () => {
    const r: NonDiscriminationReport = (await getReport(t, w, '/reports/non-discrimination').expect(200)).body;
    expect([r.toleranceBp, r.tolerance]).toEqual([500, '5.00%']);
    expect(r.groups.flatMap((g) => g.differences.map((d) => d.differenceBp))).toEqual([752]);
  });
});
