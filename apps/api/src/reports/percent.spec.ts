import { attainmentBpOf, percentOf, unitPriceText } from './percent';

describe('report percentages and prices', () => {
  it.each([
    [10_756, '107.56%'],
    [10_000, '100.00%'],
    [5, '0.05%'],
    [0, '0.00%'],
    [-5, '-0.05%'],
    [-12_345, '-123.45%'],
  ])('writes %i bp as %s', (bp, text) => expect(percentOf(bp)).toBe(text));

  it('measures attainment floored, and not at all without a positive plan', () => {
    expect(attainmentBpOf(15_000_000, 16_358_000, 'PLN')).toBe(10_905);
    expect(attainmentBpOf(12_000_000, 12_500_000, 'PLN')).toBe(10_416);
    expect(attainmentBpOf(0, 100, 'PLN')).toBeNull();
    expect(attainmentBpOf(null, 100, 'PLN')).toBeNull();
  });

  it.each([
    [11_300_000, 90, '125555.56'],
    [2_700_000, 20, '135000.00'],
    [1, 3, '0.33'],
    [2, 3, '0.67'],
    [1, 200, '0.01'],
    [1, 201, '0.00'],
    [-2, 3, '-0.67'],
  ])('writes %i / %i as %s', (amount, quantity, text) => expect(unitPriceText(amount, quantity)).toBe(text));
});
