/** The pure helpers other areas reuse: plan periods, floors, special-price validity, and the folded states. */
import { fold } from '../shared/types';
import { saleDecider } from './sale';
import { floorFor } from './floors';
import { periodOfDate } from './period';
import { specialPriceAllowing, validSpecialPrice, validSpecialPrices } from './special-price-validity';
import { specialPricesOf } from './special-price-state';
import {
  asDistributor,
  cancelSale,
  CLIENT_ID,
  correctSale,
  D1,
  LATER,
  line,
  NOW,
  pln,
  PUMP_FLOOR,
  salePolicy,
  saleRecorded,
  saleRefused,
  specialPriceApproved,
  specialPriceRevoked,
  violation,
} from './testing/fixtures';

describe('periodOfDate', () => {
  it.each([
    ['2026-01-01', 'month', '2026-01'],
    ['2026-12-31', 'month', '2026-12'],
    ['2026-03-31', 'quarter', '2026-Q1'],
    ['2026-04-01', 'quarter', '2026-Q2'],
    ['2026-09-30', 'quarter', '2026-Q3'],
    ['2026-10-01', 'quarter', '2026-Q4'],
  ] as const)('%s by %s is %s', (date, granularity, period) => {
    expect(periodOfDate(date, granularity)).toBe(period);
  });

  it('refuses what is not a date', () => {
    expect(() => periodOfDate('2026-02-29', 'month')).toThrow(RangeError);
  });
});

describe('floorFor', () => {
  const d2 = salePolicy('d-2', { priceFloors: [{ sku: 'PUMP-100', minUnitPrice: pln(130_000) }] });

  it('is the highest floor for the SKU among the policies, with the policy that sets it', () => {
    expect(floorFor([salePolicy('d-1'), d2], 'PUMP-100')).toEqual({ floor: pln(130_000), policyId: 'd-2-2026' });
    expect(floorFor([d2, salePolicy('d-1')], 'VALVE-20')).toEqual({ floor: pln(8_990), policyId: 'd-1-2026' });
  });

  it('on a tie, the first policy by policyId', () => {
    expect(floorFor([salePolicy('d-9'), salePolicy('d-1')], 'PUMP-100')).toEqual({ floor: PUMP_FLOOR, policyId: 'd-1-2026' });
  });

  it('is undefined for a SKU without a floor, or without policies', () => {
    expect(floorFor([salePolicy()], 'MANUAL-1')).toBeUndefined();
    expect(floorFor([], 'PUMP-100')).toBeUndefined();
  });

  it('never compares floors in different currencies', () => {
    const eurPolicy = salePolicy('d-2', {
      currency: 'EUR',
      priceFloors: [{ sku: 'PUMP-100', minUnitPrice: { minor: 1, currency: 'EUR' } }],
    });
    expect(() => floorFor([salePolicy(), eurPolicy], 'PUMP-100')).toThrow(/Cannot compare/);
  });
});

describe('validSpecialPrice', () => {
  const march = specialPriceApproved();
  const later = specialPriceApproved({ specialPriceId: 'sp-2', unitPrice: pln(120_000), validFrom: '2026-03-10', validTo: '2026-06-30' });

  it('is the latest approved of those valid for the client, SKU and date', () => {
    expect(validSpecialPrice([march, later], CLIENT_ID, 'PUMP-100', '2026-03-09')?.specialPriceId).toBe('sp-1');
    expect(validSpecialPrice([march, later], CLIENT_ID, 'PUMP-100', '2026-03-10')?.specialPriceId).toBe('sp-2');
    expect(validSpecialPrices([march, later], CLIENT_ID, 'PUMP-100', '2026-03-10').map((p) => p.specialPriceId)).toEqual(['sp-1', 'sp-2']);
  });

  it('is undefined for another client or SKU, outside the validity, or from the revocation on', () => {
    expect(validSpecialPrice([march], 'c-2', 'PUMP-100', '2026-03-10')).toBeUndefined();
    expect(validSpecialPrice([march], CLIENT_ID, 'VALVE-20', '2026-03-10')).toBeUndefined();
    expect(validSpecialPrice([march], CLIENT_ID, 'PUMP-100', '2026-04-01')).toBeUndefined();
    expect(validSpecialPrice([march, specialPriceRevoked('2026-03-10')], CLIENT_ID, 'PUMP-100', '2026-03-09')?.specialPriceId).toBe('sp-1');
    expect(validSpecialPrice([march, specialPriceRevoked('2026-03-10')], CLIENT_ID, 'PUMP-100', '2026-03-10')).toBeUndefined();
  });

  it('reads the events or their folded state alike', () => {
    const state = specialPricesOf([march, later]);
    expect(validSpecialPrices(state, CLIENT_ID, 'PUMP-100', '2026-03-20')).toEqual(
      validSpecialPrices([march, later], CLIENT_ID, 'PUMP-100', '2026-03-20'),
    );
  });

  it('specialPriceAllowing: the lowest valid one at or below the price, in its currency', () => {
    expect(specialPriceAllowing([march, later], CLIENT_ID, 'PUMP-100', '2026-03-20', pln(125_000))?.specialPriceId).toBe('sp-1');
    expect(specialPriceAllowing([march, later], CLIENT_ID, 'PUMP-100', '2026-03-20', pln(109_999))).toBeUndefined();
    expect(specialPriceAllowing([march], CLIENT_ID, 'PUMP-100', '2026-03-20', { minor: 999_999, currency: 'EUR' })).toBeUndefined();
  });
});

describe('the folded states', () => {
  it('a refused sale keeps who tried what; a correction and a cancellation update the recorded sale', () => {
    const cheap = line('PUMP-100', 1, pln(1));
    expect(fold(saleDecider, [saleRefused([cheap], [violation(0, cheap, PUMP_FLOOR)])])).toEqual({
      status: 'refused',
      saleId: 's-1',
      seller: D1,
      clientId: CLIENT_ID,
      date: '2026-03-10',
      currency: 'PLN',
      refusedAt: NOW,
    });
    const recorded = fold(saleDecider, [saleRecorded()]);
    expect(recorded).toMatchObject({ status: 'recorded', corrections: 0, total: pln(350_000), policyId: 'd-1-2026' });
    const [correction] = saleDecider.decide(correctSale(asDistributor(LATER), [line('VALVE-20', 1, pln(9_000))]), recorded);
    const corrected = saleDecider.evolve(recorded, correction);
    expect(corrected).toMatchObject({ status: 'recorded', corrections: 1, total: pln(9_000) });
    const [cancellation] = saleDecider.decide(cancelSale(asDistributor(LATER)), corrected);
    expect(saleDecider.evolve(corrected, cancellation)).toMatchObject({ status: 'cancelled', cancelledAt: LATER, total: pln(9_000) });
  });

  it('a revocation of an unknown id, or a repeated approval, changes nothing', () => {
    const state = specialPricesOf([
      specialPriceApproved(),
      specialPriceApproved({ unitPrice: pln(1) }),
      specialPriceRevoked('2026-03-15', 'sp-9'),
    ]);
    expect(state.order).toEqual(['sp-1']);
    expect(state.prices['sp-1'].unitPrice).toEqual(pln(110_000));
    expect(state.prices['sp-1'].revokedFrom).toBeUndefined();
  });
});
