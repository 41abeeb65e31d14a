/** The price policy: a line below its floor needs a valid special price, and a refusal is on record. */
import { deciderSpec } from '../testing/decider-spec';
import { saleDecider } from './sale';
import {
  asDistributor,
  line,
  NOW,
  pln,
  PUMP_FLOOR,
  recordedLine,
  recordSale,
  saleRecorded,
  saleRefused,
  SPECIAL_PRICE_ID,
  specialPriceApproved,
  specialPriceRevoked,
  VALVE_FLOOR,
  violation,
  withSpecialPrices,
} from './testing/fixtures';

const spec = deciderSpec(saleDecider);
const pumpAt = (minor: number, quantity = 1) => line('PUMP-100', quantity, pln(minor));
/** One pump at PLN 1 150.00: below the PLN 1 250.00 floor, above the PLN 1 100.00 special price. */
const BELOW = pumpAt(115_000);

describe('sales: the price floor', () => {
  it('a line below the floor without a special price: the sale is refused, and the refusal is recorded as an event', () => {
    spec
      .given([])
      .when(recordSale(asDistributor(NOW), { lines: [BELOW] }))
      .then([saleRefused([BELOW], [violation(0, BELOW, PUMP_FLOOR)])]);
  });

  it('one refusal lists every line below its floor; the lines at or above it are not violations', () => {
    const lines = [pumpAt(124_999), pumpAt(125_000), line('VALVE-20', 4, pln(8_989))];
    spec
      .given([])
      .when(recordSale(asDistributor(NOW), { lines }))
      .then([saleRefused(lines, [violation(0, lines[0], PUMP_FLOOR), violation(2, lines[2], VALVE_FLOOR)])]);
  });

  it('exactly at the floor is allowed', () => {
    spec
      .given([])
      .when(recordSale(asDistributor(NOW), { lines: [pumpAt(125_000)] }))
      .then([saleRecorded({ lines: [recordedLine(pumpAt(125_000), { floor: PUMP_FLOOR })], total: pln(125_000) })]);
  });

  describe('a special price approved for the client and SKU', () => {
    it('allows the line while the sale date is within its validity, and the line names it', () => {
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines: [BELOW] }, withSpecialPrices([specialPriceApproved()])))
        .then([
          saleRecorded({
            lines: [recordedLine(BELOW, { floor: PUMP_FLOOR, specialPriceId: SPECIAL_PRICE_ID })],
            total: pln(115_000),
          }),
        ]);
    });

    it('allows exactly the special price, and the validity dates are inclusive', () => {
      for (const date of ['2026-03-01', '2026-03-10', '2026-03-31']) {
        const cmd = recordSale(
          asDistributor('2026-04-01T08:00:00.000Z'),
          { date, lines: [pumpAt(110_000)] },
          withSpecialPrices([specialPriceApproved()]),
        );
        const [event] = saleDecider.decide(cmd, { status: 'none' });
        expect(event.type === 'SaleRecorded' && event.data.lines[0].specialPriceId).toBe(SPECIAL_PRICE_ID);
      }
    });

    it('selling below even the special price is still a violation of the floor', () => {
      const cheaper = pumpAt(109_999);
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines: [cheaper] }, withSpecialPrices([specialPriceApproved()])))
        .then([saleRefused([cheaper], [violation(0, cheaper, PUMP_FLOOR)])]);
    });

    it('does not apply outside its validity: before validFrom or after validTo', () => {
      const notYet = withSpecialPrices([specialPriceApproved({ validFrom: '2026-03-11' })]);
      const expired = withSpecialPrices([specialPriceApproved({ validFrom: '2026-02-01', validTo: '2026-03-09' })]);
      for (const context of [notYet, expired]) {
        spec
          .given([])
          .when(recordSale(asDistributor(NOW), { lines: [BELOW] }, context))
          .then([saleRefused([BELOW], [violation(0, BELOW, PUMP_FLOOR)])]);
      }
    });

    it('does not apply from the effectiveFrom of its revocation on; before that day it still does', () => {
      const revokedOnTheDay = withSpecialPrices([specialPriceApproved(), specialPriceRevoked('2026-03-10')]);
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines: [BELOW] }, revokedOnTheDay))
        .then([saleRefused([BELOW], [violation(0, BELOW, PUMP_FLOOR)])]);
      const revokedAfter = withSpecialPrices([specialPriceApproved(), specialPriceRevoked('2026-03-11')]);
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines: [BELOW] }, revokedAfter))
        .then([
          saleRecorded({ lines: [recordedLine(BELOW, { floor: PUMP_FLOOR, specialPriceId: SPECIAL_PRICE_ID })], total: pln(115_000) }),
        ]);
    });

    it('applies only to its SKU, its client and its currency', () => {
      const otherSku = specialPriceApproved({ sku: 'VALVE-20' });
      const otherClient = specialPriceApproved({ clientId: 'c-2' });
      const otherCurrency = specialPriceApproved({ unitPrice: { minor: 100, currency: 'EUR' } });
      for (const sp of [otherSku, otherClient, otherCurrency]) {
        spec
          .given([])
          .when(recordSale(asDistributor(NOW), { lines: [BELOW] }, withSpecialPrices([sp])))
          .then([saleRefused([BELOW], [violation(0, BELOW, PUMP_FLOOR)])]);
      }
    });

    it('with several valid ones, the lowest that allows the price is named', () => {
      const higher = specialPriceApproved({ specialPriceId: 'sp-2', unitPrice: pln(112_000) });
      const lowest = specialPriceApproved({ specialPriceId: 'sp-3', unitPrice: pln(105_000) });
      const [event] = saleDecider.decide(
        recordSale(asDistributor(NOW), { lines: [BELOW] }, withSpecialPrices([specialPriceApproved(), higher, lowest])),
        {
          status: 'none',
        },
      );
      expect(event.type === 'SaleRecorded' && event.data.lines[0].specialPriceId).toBe('sp-3');
    });

    it('a line at or above the floor does not use one', () => {
      const [event] = saleDecider.decide(
        recordSale(asDistributor(NOW), { lines: [pumpAt(125_000)] }, withSpecialPrices([specialPriceApproved()])),
        {
          status: 'none',
        },
      );
      expect(event.type === 'SaleRecorded' && event.data.lines[0]).toEqual(recordedLine(pumpAt(125_000), { floor: PUMP_FLOOR }));
    });

    it('allows its line only: another line below its floor still refuses the sale', () => {
      const lines = [BELOW, line('VALVE-20', 1, pln(8_000))];
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines }, withSpecialPrices([specialPriceApproved()])))
        .then([saleRefused(lines, [violation(1, lines[1], VALVE_FLOOR)])]);
    });
  });
});
