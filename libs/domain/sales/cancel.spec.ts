/** Cancelling a recorded sale: by its seller, once, with what leaves the actuals. */
import { deciderSpec } from '../testing/decider-spec';
import type { SaleCancelled, SaleCorrected } from './events';
import { saleDecider } from './sale';
import {
  asCompany,
  asSystem,
  asDistributor,
  cancelSale,
  COMPANY,
  D1,
  fieldsOf,
  line,
  LATER,
  NOW,
  pln,
  PUMP_FLOOR,
  recordedLine,
  refusalOf,
  saleRecorded,
  saleRefused,
  violation,
} from './testing/fixtures';

const spec = deciderSpec(saleDecider);
const REASON = 'The client returned the goods';

const cancelled = (overrides: Partial<SaleCancelled['data']> = {}): SaleCancelled => {
  const sale = saleRecorded().data;
  return {
    type: 'SaleCancelled',
    data: {
      saleId: 's-1',
      previousLines: sale.lines,
      previousTotal: sale.total,
      territory: 'PL-MZ',
      seller: D1,
      clientId: 'c-1',
      policyId: 'd-1-2026',
      period: '2026-03',
      date: '2026-03-10',
      reason: REASON,
      cancelledAt: LATER,
      ...overrides,
    },
  };
};

describe('sales: cancellation', () => {
  it('the seller cancels with a reason; the whole current total leaves the actuals', () => {
    spec
      .given([saleRecorded()])
      .when(cancelSale(asDistributor(LATER)))
      .then([cancelled()]);
  });

  it('after corrections, previousTotal and previousLines are the corrected ones', () => {
    const one = line('PUMP-100', 1, pln(125_000));
    const correction: SaleCorrected = {
      type: 'SaleCorrected',
      data: {
        saleId: 's-1',
        correctionNo: 1,
        lines: [recordedLine(one, { floor: PUMP_FLOOR })],
        total: pln(125_000),
        previousLines: saleRecorded().data.lines,
        previousTotal: pln(350_000),
        delta: pln(-225_000),
        territory: 'PL-MZ',
        seller: D1,
        clientId: 'c-1',
        policyId: 'd-1-2026',
        period: '2026-03',
        date: '2026-03-10',
        reason: 'One pump only',
        correctedAt: NOW,
      },
    };
    spec
      .given([saleRecorded(), correction])
      .when(cancelSale(asDistributor(LATER)))
      .then([cancelled({ previousLines: [recordedLine(one, { floor: PUMP_FLOOR })], previousTotal: pln(125_000) })]);
  });

  it('the company cancels its own sale, carrying its null policy and period', () => {
    const companySale = saleRecorded({ seller: COMPANY, policyId: null, period: null });
    spec
      .given([companySale])
      .when(cancelSale(asCompany(LATER)))
      .then([cancelled({ seller: COMPANY, policyId: null, period: null })]);
  });

  it('only once: a cancelled sale is final', () => {
    spec
      .given([saleRecorded(), cancelled()])
      .when(cancelSale(asDistributor(LATER)))
      .thenThrows('SALE.CANCELLED');
  });

  it('a refused sale has nothing to cancel; a missing one is not found', () => {
    const cheap = line('PUMP-100', 1, pln(1));
    spec
      .given([saleRefused([cheap], [violation(0, cheap, PUMP_FLOOR)])])
      .when(cancelSale(asDistributor(LATER)))
      .thenThrows('SALE.NOT_RECORDED');
    spec
      .given([])
      .when(cancelSale(asDistributor(LATER)))
      .thenThrows('SALE.NOT_FOUND');
  });

  it('only the seller: the company may not cancel a distributor’s sale, nor the system anyone’s', () => {
    spec
      .given([saleRecorded()])
      .when(cancelSale(asCompany(LATER)))
      .thenThrows('SALE.NOT_SELLER');
    spec
      .given([saleRecorded()])
      .when(cancelSale(asDistributor(LATER, 'd-2')))
      .thenThrows('SALE.NOT_SELLER');
    spec
      .given([saleRecorded()])
      .when(cancelSale(asSystem(LATER)))
      .thenThrows('SALE.FORBIDDEN_PARTY');
  });

  it('a reason is required', () => {
    const refusal = refusalOf(saleDecider, [saleRecorded()], cancelSale(asDistributor(LATER), '  '));
    expect(fieldsOf(refusal)).toEqual(['reason']);
  });
});
