/** Money stays exact: products and sums in BigInt, nothing past Number.MAX_SAFE_INTEGER is ever recorded. */
import { deciderSpec } from '../testing/decider-spec';
import { compareMoney, difference, exceedsBand, lineAmount, toMoney } from './amounts';
import { saleDecider } from './sale';
import { asDistributor, line, NOW, pln, recordedLine, recordSale, refusalOf, saleRecorded } from './testing/fixtures';

const spec = deciderSpec(saleDecider);
const MAX = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991 = 6361 × 1 416 003 655 831
const HALF = 2 ** 52; // 4 503 599 627 370 496

describe('sales: exact amounts', () => {
  it('a line total of exactly the largest safe integer is recorded, to the unit', () => {
    const big = line('BULK', 6361, pln(1_416_003_655_831));
    spec
      .given([])
      .when(recordSale(asDistributor(NOW), { lines: [big] }))
      .then([saleRecorded({ lines: [{ ...big, lineTotal: pln(MAX) }], total: pln(MAX) })]);
  });

  it('a line total past it is refused, naming the line (a float would have rounded it instead)', () => {
    const over = line('BULK', 3, pln(3_002_399_751_580_331)); // 9 007 199 254 740 993
    expect(3 * 3_002_399_751_580_331).toBe(9_007_199_254_740_992); // what floating point makes of it
    expect(lineAmount(3, pln(3_002_399_751_580_331))).toBe(9_007_199_254_740_993n);
    const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { lines: [line('VALVE-20', 1, pln(9_000)), over] }));
    expect(refusal.code).toBe('SALE.INVALID_COMMAND');
    expect(refusal.details.errors).toEqual([
      { field: 'lines[1]', message: 'quantity × unitPrice must not exceed 9007199254740991 minor units' },
    ]);
  });

  it('lines each safe whose sum is not are refused as a whole', () => {
    const refusal = refusalOf(
      saleDecider,
      [],
      recordSale(asDistributor(NOW), { lines: [line('A', 1, pln(HALF)), line('B', 1, pln(HALF))] }),
    );
    expect(refusal.details.errors).toEqual([{ field: 'lines', message: "the sale's total must not exceed 9007199254740991 minor units" }]);
    const lines = [line('A', 1, pln(HALF)), line('B', 1, pln(HALF - 1))];
    spec
      .given([])
      .when(recordSale(asDistributor(NOW), { lines }))
      .then([saleRecorded({ lines: lines.map((l) => recordedLine(l)), total: pln(MAX) })]);
  });

  it('a quantity must itself be a safe integer', () => {
    const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { lines: [line('A', 2 ** 53, pln(0))] }));
    expect(refusal.details.errors).toEqual([{ field: 'lines[0].quantity', message: 'must be an integer at least 1' }]);
  });

  it('differences may be negative, and only between one currency', () => {
    expect(difference(pln(300_000), pln(350_000))).toEqual(pln(-50_000));
    expect(difference(pln(0), pln(MAX))).toEqual(pln(-MAX));
    expect(() => difference(pln(1), { minor: 1, currency: 'EUR' })).toThrow(/Cannot compare PLN with EUR/);
    expect(() => compareMoney(pln(1), { minor: 1, currency: 'EUR' })).toThrow(RangeError);
    expect(() => toMoney(BigInt(MAX) + 1n, 'PLN')).toThrow(RangeError);
  });

  it('the discretion band compares floor × (1 + bp) exactly, also where floats lose the last unit', () => {
    // 7 000 000 000 000 001 × 1.15 = 8 050 000 000 000 001.15; in floating point × 11 500 / 10 000 gives …002.
    expect((7_000_000_000_000_001 * 11_500) / 10_000).toBe(8_050_000_000_000_002);
    const floor = pln(7_000_000_000_000_001);
    expect(exceedsBand(pln(8_050_000_000_000_001), floor, 1_500)).toBe(false);
    expect(exceedsBand(pln(8_050_000_000_000_002), floor, 1_500)).toBe(true);
    expect(exceedsBand(pln(143_750), pln(125_000), 1_500)).toBe(false);
    expect(exceedsBand(pln(143_751), pln(125_000), 1_500)).toBe(true);
  });
});
