/** Corrections replace a recorded sale's lines under the rules of its original date and context. */
import { deciderSpec } from '../testing/decider-spec';
import type { SaleCorrected, SaleLine, SaleLineInput } from './events';
import { saleDecider } from './sale';
import {
  asCompany,
  asCompliance,
  asDistributor,
  cancelSale,
  correctSale,
  D1,
  D2,
  eur,
  fieldsOf,
  line,
  LATER,
  NOW,
  pln,
  PUMP_FLOOR,
  recordedLine,
  refusalOf,
  saleClient,
  saleContext,
  saleRecorded,
  saleRefused,
  sampleLines,
  SPECIAL_PRICE_ID,
  specialPriceApproved,
  specialPriceRevoked,
  VALVE_FLOOR,
  violation,
  withSpecialPrices,
} from './testing/fixtures';

const spec = deciderSpec(saleDecider);
const REASON = 'Quantities confirmed by the delivery note';
const floored = (l: SaleLineInput): SaleLine => recordedLine(l, { floor: l.sku === 'PUMP-100' ? PUMP_FLOOR : VALVE_FLOOR });

const corrected = (
  correctionNo: number,
  lines: SaleLine[],
  previousLines: SaleLine[],
  totals: { total: number; previous: number },
  correctedAt = LATER,
): SaleCorrected => ({
  type: 'SaleCorrected',
  data: {
    saleId: 's-1',
    correctionNo,
    lines,
    total: pln(totals.total),
    previousLines,
    previousTotal: pln(totals.previous),
    delta: pln(totals.total - totals.previous),
    territory: 'PL-MZ',
    seller: D1,
    clientId: 'c-1',
    policyId: 'd-1-2026',
    period: '2026-03',
    date: '2026-03-10',
    reason: REASON,
    correctedAt,
  },
});

/** Five valves instead of ten: PLN 3 500.00 → PLN 3 000.00. */
const FEWER = [line('PUMP-100', 2, pln(125_000)), line('VALVE-20', 5, pln(10_000))];
/** Three pumps instead of two: PLN 3 500.00 → PLN 4 750.00. */
const MORE = [line('PUMP-100', 3, pln(125_000)), line('VALVE-20', 10, pln(10_000))];
const recordedLines = () => sampleLines().map(floored);

describe('sales: corrections', () => {
  it('fewer units: the delta is negative, and the previous lines and total are carried for projections', () => {
    spec
      .given([saleRecorded()])
      .when(correctSale(asDistributor(LATER), FEWER))
      .then([corrected(1, FEWER.map(floored), recordedLines(), { total: 300_000, previous: 350_000 })]);
  });

  it('more units: the delta is positive; corrections are numbered and each starts from the last', () => {
    const first = corrected(1, FEWER.map(floored), recordedLines(), { total: 300_000, previous: 350_000 });
    spec
      .given([saleRecorded(), first])
      .when(correctSale(asDistributor(LATER), MORE))
      .then([corrected(2, MORE.map(floored), FEWER.map(floored), { total: 475_000, previous: 300_000 })]);
  });

  it('a correction to the very lines on record changes nothing and is refused', () => {
    spec
      .given([saleRecorded()])
      .when(correctSale(asDistributor(LATER), sampleLines()))
      .thenThrows('SALE.NOTHING_TO_CORRECT');
    const first = corrected(1, FEWER.map(floored), recordedLines(), { total: 300_000, previous: 350_000 });
    spec
      .given([saleRecorded(), first])
      .when(correctSale(asDistributor(LATER), FEWER))
      .thenThrows('SALE.NOTHING_TO_CORRECT');
    // Back to the original lines is a change from the current ones.
    spec
      .given([saleRecorded(), first])
      .when(correctSale(asDistributor(LATER), sampleLines()))
      .then([corrected(2, recordedLines(), FEWER.map(floored), { total: 350_000, previous: 300_000 })]);
  });

  describe('the floor rules of the original date', () => {
    const cheap = line('PUMP-100', 2, pln(100_000));

    it('a correction below the floor is refused by a BELOW_FLOOR error, not recorded as a refusal', () => {
      const refusal = refusalOf(saleDecider, [saleRecorded()], correctSale(asDistributor(LATER), [cheap]));
      expect(refusal.code).toBe('SALE.BELOW_FLOOR');
      expect(refusal.kind).toBe('conflict');
      expect(refusal.details.violations).toEqual([violation(0, cheap, PUMP_FLOOR)]);
    });

    it('a special price valid on the sale date allows it, even if it has expired since', () => {
      const special = line('PUMP-100', 2, pln(110_000));
      spec
        .given([saleRecorded()])
        .when(correctSale(asDistributor('2026-05-01T10:00:00.000Z'), [special], withSpecialPrices([specialPriceApproved()])))
        .then([
          corrected(
            1,
            [recordedLine(special, { floor: PUMP_FLOOR, specialPriceId: SPECIAL_PRICE_ID })],
            recordedLines(),
            { total: 220_000, previous: 350_000 },
            '2026-05-01T10:00:00.000Z',
          ),
        ]);
    });

    it('a special price revoked from a day on or before the sale date does not', () => {
      const special = line('PUMP-100', 2, pln(110_000));
      spec
        .given([saleRecorded()])
        .when(correctSale(asDistributor(LATER), [special], withSpecialPrices([specialPriceApproved(), specialPriceRevoked('2026-03-05')])))
        .thenThrows('SALE.BELOW_FLOOR');
    });

    it('the currency stays the sale’s, for the lines and against the policy', () => {
      const refusal = refusalOf(saleDecider, [saleRecorded()], correctSale(asDistributor(LATER), [line('PUMP-100', 1, eur(40_000))]));
      expect(refusal.details.errors).toEqual([{ field: 'lines[0].unitPrice.currency', message: 'must be the sale currency PLN' }]);
    });

    it('the context is still needed: the client, and the distributor’s policy', () => {
      spec
        .given([saleRecorded()])
        .when(correctSale(asDistributor(LATER), FEWER, saleContext({ client: null })))
        .thenThrows('SALE.UNKNOWN_CLIENT');
      spec
        .given([saleRecorded()])
        .when(correctSale(asDistributor(LATER), FEWER, saleContext({ policies: [] })))
        .thenThrows('SALE.NO_POLICY_IN_FORCE');
    });

    it('the territory recorded stays, whatever the context says of the client now', () => {
      const [event] = saleDecider.decide(
        correctSale(asDistributor(LATER), FEWER, saleContext({ client: saleClient({ owner: D2, territory: 'PL-MA' }) })),
        saleDecider.evolve(saleDecider.initialState(), saleRecorded()),
      );
      expect(event.type === 'SaleCorrected' && event.data.territory).toBe('PL-MZ');
    });
  });

  describe('who corrects what', () => {
    it('only the seller: not the other distributor, not the company, not compliance', () => {
      const notSeller = refusalOf(saleDecider, [saleRecorded()], correctSale(asDistributor(LATER, 'd-2'), FEWER));
      expect([notSeller.code, notSeller.kind]).toEqual(['SALE.NOT_SELLER', 'forbidden']);
      spec
        .given([saleRecorded()])
        .when(correctSale(asCompany(LATER), FEWER))
        .thenThrows('SALE.NOT_SELLER');
      spec
        .given([saleRecorded()])
        .when(correctSale(asCompliance(LATER), FEWER))
        .thenThrows('SALE.FORBIDDEN_PARTY');
    });

    it('a sale that does not exist', () => {
      const refusal = refusalOf(saleDecider, [], correctSale(asDistributor(LATER), FEWER));
      expect([refusal.code, refusal.kind]).toEqual(['SALE.NOT_FOUND', 'not_found']);
    });

    it('a refused sale was never recorded; a cancelled one is final', () => {
      const cheap = line('PUMP-100', 1, pln(1));
      spec
        .given([saleRefused([cheap], [violation(0, cheap, PUMP_FLOOR)])])
        .when(correctSale(asDistributor(LATER), FEWER))
        .thenThrows('SALE.NOT_RECORDED');
      const [cancelled] = saleDecider.decide(
        cancelSale(asDistributor(NOW)),
        saleDecider.evolve(saleDecider.initialState(), saleRecorded()),
      );
      spec
        .given([saleRecorded(), cancelled])
        .when(correctSale(asDistributor(LATER), FEWER))
        .thenThrows('SALE.CANCELLED');
    });

    it('a reason of 1 to 1000 characters, and valid lines, all named at once', () => {
      const refusal = refusalOf(
        saleDecider,
        [saleRecorded()],
        correctSale(asDistributor(LATER), [line('PUMP-100', 0, pln(125_000))], saleContext(), ''),
      );
      expect(refusal.code).toBe('SALE.INVALID_COMMAND');
      expect(fieldsOf(refusal)).toEqual(['lines[0].quantity', 'reason']);
      spec
        .given([saleRecorded()])
        .when(correctSale(asDistributor(LATER), FEWER, saleContext(), 'x'.repeat(1001)))
        .thenThrows('SALE.INVALID_COMMAND');
    });
  });
});
