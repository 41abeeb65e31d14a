/** GET /reports/price-compliance end to end over the money year: the entries the facts call for, filters, scoping, CSV. */
import { sideKey } from '@cl/domain/shared/sides';
import { startTestApp, type TestApp } from '../../testing/test-app';
import {
  buildMoneyYear,
  CLIENTS,
  DISTRIBUTORS,
  SALES,
  SPECIAL_PRICES,
  TERMS,
  Y,
  type DistributorName,
  type Seller,
} from '../testing/money-year';
import type { MoneyYear } from '../testing/money-year';
import { csvRecords, field, getReport, operationOf, parseCsv, type Caller } from '../testing/report-http';
import { PRICE_COMPLIANCE_COLUMNS } from './price-compliance-columns';
import type { PriceComplianceEntryView, PriceCompliancePage } from './price-compliance.dto';

interface Expected {
  kind: string;
  at: string;
  clientId: string;
  /** The sale or the special price. */
  ref: string;
  distributorIds: string[];
}

const distributorOf = (s: Seller): DistributorName[] => (s === 'company' ? [] : [s]);
/** The distributors whose territories hold a territory: whose policy governs a company sale there. */
const covering = (territory: string) =>
  (Object.keys(DISTRIBUTORS) as DistributorName[]).filter((d) =>
    DISTRIBUTORS[d].territories.some((t) => territory === t || territory.startsWith(`${t}-`)),
  );

/** Each entry the facts call for, worked out from them: refusals, sales past the owner, lines above the band, approvals. */
function expectedEntries(): Expected[] {
  const band = TERMS.acme.discretionBands[0];
  const floorOf = (sku: string) => TERMS.acme.priceFloors.find((f) => f.sku === sku)!.minUnitPrice.minor;
  const entries: Expected[] = SALES.flatMap((s): Expected[] => {
    const c = CLIENTS[s.clientId];
    const common = { at: s.recordedAt, clientId: s.clientId, ref: s.id };
    if (s.refused) return [{ ...common, kind: 'floor-refusal', distributorIds: distributorOf(s.seller) }];
    const conflict =
      c.owner !== s.seller
        ? [{ ...common, kind: 'channel-conflict', distributorIds: [...new Set([...distributorOf(s.seller), ...distributorOf(c.owner)])] }]
        : [];
    const above =
      s.seller === 'company' && c.segment === band.segment
        ? s.lines
            .filter(([sku, , unit]) => unit * 10_000 > floorOf(sku) * (10_000 + band.maxAboveFloorBp))
            .map(() => ({ ...common, kind: 'above-discretion-band', distributorIds: covering(c.territory) }))
        : [];
    return [...conflict, ...above];
  });
  const approvals = SPECIAL_PRICES.map((p) => ({
    kind: 'special-price-approved',
    at: p.at,
    clientId: p.clientId,
    ref: p.specialPriceId,
    distributorIds: [],
  }));
  return [...entries, ...approvals].sort((a, b) => a.at.localeCompare(b.at));
}

const refOf = (e: PriceComplianceEntryView) => String(e.details.saleId ?? e.details.specialPriceId);
const picked = (e: PriceComplianceEntryView): Expected => ({
  kind: e.kind,
  at: e.at,
  clientId: e.clientId,
  ref: refOf(e),
  distributorIds: e.distributorIds,
});

describe('GET /reports/price-compliance (end to end)', () => {
  let t: TestApp;
  let w: MoneyYear;
  const report = (query = '', as: Caller = 'company', accept?: string) =>
    getReport(t, w, `/reports/price-compliance${query ? `?${query}` : ''}`, as, accept);
  const refs = async (query: string, as: Caller = 'company') =>
    ((await report(query, as).expect(200)).body as PriceCompliancePage).items.map(refOf);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it('lists every refusal, special price, channel conflict and line above the band, oldest first', async () => {
    const page: PriceCompliancePage = (await report().expect(200)).body;
    const expected = expectedEntries();
    expect(page.items.map(picked)).toEqual(expected);
    expect(page).toMatchObject({ total: expected.length, limit: 50, offset: 0 });
    expect(expected.map((e) => e.kind)).toEqual([
      'channel-conflict',
      'special-price-approved',
      'above-discretion-band',
      'floor-refusal',
      'channel-conflict',
      'channel-conflict',
      'special-price-approved',
    ]);
  });

  it('tells what each entry is about', async () => {
    const items: PriceComplianceEntryView[] = (await report(`from=${Y}-03-01&to=${Y}-03-20`).expect(200)).body.items;
    const [band, refusal, conflict] = items;
    expect(band).toMatchObject({
      kind: 'above-discretion-band',
      clientLegalName: 'Krakow Industries Sp. z o.o.',
      seller: { party: 'company' },
      by: { party: 'company', userId: 'anna' },
      details: {
        saleId: 'company-mar-1',
        segment: 'key-account',
        unitPrice: { minor: 150_000 },
        floor: { minor: 125_000 },
        maxAboveFloorBp: 1_500,
        policyId: `acme-${Y}`,
      },
    });
    expect(refusal).toMatchObject({
      kind: 'floor-refusal',
      by: { party: 'distributor', userId: 'jan', distributorId: 'acme' },
      details: {
        saleId: 'acme-mar-refused',
        violations: [{ sku: 'PUMP-100', unitPrice: { minor: 120_000 }, floor: { minor: 125_000 }, policyId: `acme-${Y}` }],
      },
    });
    expect(conflict).toMatchObject({
      kind: 'channel-conflict',
      details: { saleId: 'company-mar-2', owner: { party: 'distributor', distributorId: 'acme' }, total: { minor: 2_700_000 } },
    });
  });

  it.each([
    ['kind=special-price-approved', ['sp-radom', 'sp-brno']],
    ['sku=VALVE-20', ['sp-brno']],
    ['clientId=c-warsaw', ['acme-mar-refused', 'company-mar-2']],
    [`from=${Y}-03-15&to=${Y}-03-28`, ['acme-mar-refused', 'company-mar-2', 'beta-mar-2']],
    [`to=${Y}-02-26`, ['acme-feb-2', 'sp-radom']],
    ['kind=channel-conflict&distributorId=beta', ['beta-mar-2']],
    ['limit=2&offset=1', ['sp-radom', 'company-mar-1']],
  ])('filters by %s', async (query, expected) => {
    expect(await refs(query)).toEqual(expected);
  });

  describe('scoping', () => {
    const visibleTo = (d: DistributorName) =>
      expectedEntries()
        .filter(
          (e) =>
            e.distributorIds.includes(d) ||
            (e.kind.startsWith('special-price') &&
              (CLIENTS[e.clientId as keyof typeof CLIENTS].owner === d ||
                covering(CLIENTS[e.clientId as keyof typeof CLIENTS].territory).includes(d))),
        )
        .map((e) => e.ref);

    it('shows a distributor the entries that concern it and the special prices of the clients it may see', async () => {
      expect(await refs('', 'acme')).toEqual(visibleTo('acme'));
      expect(await refs('', 'acme')).toEqual([
        'acme-feb-2',
        'sp-radom',
        'company-mar-1',
        'acme-mar-refused',
        'company-mar-2',
        'beta-mar-2',
      ]);
      expect(await refs('', 'beta')).toEqual(['beta-mar-2', 'sp-brno']);
      expect(await refs('', 'gamma')).toEqual([]);
      expect((await report('', 'gamma').expect(200)).body.total).toBe(0);
    });

    it('answers a distributor naming another distributor as if it did not exist; the company sees what that distributor sees', async () => {
      expect((await report('distributorId=acme', 'beta').expect(404)).body.code).toBe('DISTRIBUTOR.NOT_FOUND');
      expect(await refs('distributorId=beta')).toEqual(await refs('', 'beta'));
      expect(await refs('distributorId=acme', 'compliance')).toEqual(visibleTo('acme'));
      expect(await refs('', 'compliance')).toEqual(expectedEntries().map((e) => e.ref));
    });
  });

  it('answers the same page as CSV', async () => {
    const json: PriceCompliancePage = (await report().expect(200)).body;
    const csv = await report('', 'company', 'text/csv').expect(200);
    expect(parseCsv(csv.text)[0]).toEqual(PRICE_COMPLIANCE_COLUMNS.map((c) => c.header));
    expect(csvRecords(csv.text)).toEqual(json.items.map(expectedRecord));
    expect(csvRecords((await report('', 'beta', 'text/csv').expect(200)).text).map((r) => r.saleId || r.specialPriceId)).toEqual([
      'beta-mar-2',
      'sp-brno',
    ]);
  });

  it.each([
    ['kind=refusal', 'kind'],
    ['from=yesterday', 'from'],
    [`from=${Y}-03-01&to=${Y}-02-01`, 'to'],
    ['from=2026-03-01T10:00', 'from'],
    ['limit=0', 'limit'],
    ['clientId=%20', 'clientId'],
    ['seller=company', 'seller'],
  ])('refuses %s with a 422 naming %s', async (query, name) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
  });

  it('documents JSON and CSV, and every CSV column', async () => {
    const op = await operationOf(t, '/reports/price-compliance');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    for (const c of PRICE_COMPLIANCE_COLUMNS)
      expect(op.responses['200'].content['text/csv'].schema.description).toContain(`\`${c.header}\``);
    expect(op.parameters.every((p: { required?: boolean }) => !p.required)).toBe(true);
  });
});

interface Amount {
  minor: number;
  currency: string;
}

/** The details of every kind, as the spec reads them. */
interface Details {
  saleId?: string;
  specialPriceId?: string;
  date?: string;
  territory?: string;
  currency?: string;
  unitPrice?: Amount;
  floor?: Amount;
  total?: Amount;
  ownerKey?: string | null;
  maxAboveFloorBp?: number;
  violations?: Array<{ sku: string; unitPrice: Amount; floor: Amount; policyId: string }>;
  validFrom?: string;
  validTo?: string;
  effectiveFrom?: string;
  reason?: string;
}

/** An entry's CSV record, derived from its JSON independently of the writer. */
function expectedRecord(e: PriceComplianceEntryView): Record<string, string> {
  const d = e.details as Details;
  return {
    id: e.id,
    kind: e.kind,
    at: e.at,
    clientId: e.clientId,
    clientLegalName: field(e.clientLegalName),
    seller: e.seller ? sideKey(e.seller) : '',
    distributorIds: e.distributorIds.join(' '),
    skus: e.skus.join(' '),
    by: `${e.by.party}:${e.by.userId}`,
    saleId: field(d.saleId),
    specialPriceId: field(d.specialPriceId),
    date: field(d.date),
    territory: field(d.territory),
    currency: field(d.currency ?? d.unitPrice?.currency ?? d.total?.currency),
    unitPriceMinor: field(d.unitPrice?.minor),
    floorMinor: field(d.floor?.minor),
    maxAboveFloorBp: field(d.maxAboveFloorBp),
    totalMinor: field(d.total?.minor),
    owner: e.kind === 'channel-conflict' ? (d.ownerKey ?? 'none') : '',
    violations: field(d.violations?.map((v) => `${v.sku} ${v.unitPrice.minor} < ${v.floor.minor} (${v.policyId})`).join('; ')),
    validFrom: field(d.validFrom),
    validTo: field(d.validTo),
    effectiveFrom: field(d.effectiveFrom),
    reason: field(d.reason),
  };
}
