import { differencesBeyond, type ChannelCell } from './price-differences';

const cell = (channelKey: string, quantity: number, amountMinor: number): ChannelCell => ({ channelKey, quantity, amountMinor });

describe('price differences between channels', () => {
  it('measures the difference against the lower price and lists it when beyond the tolerance', () => {
    // 135 000.00 vs 11 300 000 / 90 = 125 555.555…: 7.5221…% above.
    const cells = [cell('company', 20, 2_700_000), cell('distributor:acme', 90, 11_300_000)];
    expect(differencesBeyond(cells, 200)).toEqual([
      {
        lower: 'distributor:acme',
        higher: 'company',
        lowerUnitPriceMinor: '125555.56',
        higherUnitPriceMinor: '135000.00',
        differenceBp: 752,
        difference: '7.52%',
      },
    ]);
    expect(differencesBeyond(cells, 752)).toHaveLength(1);
    expect(differencesBeyond(cells, 753)).toEqual([]);
  });

  it('compares exactly: a difference of exactly the tolerance is within it, one unit more is beyond', () => {
    // 102 / 100 is exactly 2% above.
    expect(differencesBeyond([cell('company', 1, 102), cell('distributor:a', 1, 100)], 200)).toEqual([]);
    // 10 201 / 100 units vs 100: 2.01% above, beyond 200 bp although both round to 2%-ish prices.
    expect(differencesBeyond([cell('company', 100, 10_201), cell('distributor:a', 1, 100)], 200)).toMatchObject([{ differenceBp: 201 }]);
    // A third of a unit beyond: 3 061 / 3 = 1 020.333… vs 1 000 → 2.0333…%, still beyond, floored to 203 bp.
    expect(differencesBeyond([cell('company', 3, 3_061), cell('distributor:a', 1, 1_000)], 200)).toMatchObject([{ differenceBp: 203 }]);
  });

  it('lists every pair beyond the tolerance, company first, and none for equal prices', () => {
    const cells = [cell('company', 10, 1_000), cell('distributor:a', 5, 500), cell('distributor:b', 1, 120)];
    expect(differencesBeyond(cells, 100).map((d) => [d.lower, d.higher, d.differenceBp])).toEqual([
      ['company', 'distributor:b', 2_000],
      ['distributor:a', 'distributor:b', 2_000],
    ]);
  });

  it('flags a channel that sold at no price against one that charged, without a ratio', () => {
    expect(differencesBeyond([cell('company', 1, 0), cell('distributor:a', 1, 100)], 200)).toMatchObject([
      { lower: 'company', higher: 'distributor:a', differenceBp: null, difference: null },
    ]);
  });
});
