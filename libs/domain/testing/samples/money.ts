/** Samples of sales, special prices, settlements and the promotion budget, from their deciders. */
import { promotionDecider } from '../../promotion/promotion';
import * as promotion from '../../promotion/testing/fixtures';
import { saleDecider } from '../../sales/sale';
import { specialPriceDecider } from '../../sales/special-price';
import * as sales from '../../sales/testing/fixtures';
import { settlementDecider } from '../../settlement/settlement';
import * as settlement from '../../settlement/testing/fixtures';
import { Scenario, type SampleEvent } from './scenario';

/** d-1's sale recorded, corrected and cancelled; one refused at the floor; a company sale to d-1's key account above the band. */
export function saleSamples(): SampleEvent[] {
  const { asDistributor: d1, asCompany: company, line, pln } = sales;
  const life = new Scenario(saleDecider, 'sale s-1').run(
    sales.recordSale(d1(sales.NOW)),
    sales.correctSale(d1(sales.LATER), [line('PUMP-100', 3, pln(125_000)), line('VALVE-20', 10, pln(10_000))]),
    sales.cancelSale(d1('2026-03-25T10:00:00.000Z')),
  );
  const refused = new Scenario(saleDecider, 'sale s-2 below the floor').run(
    sales.recordSale(d1(sales.NOW), { saleId: 's-2', lines: [line('PUMP-100', 4, pln(119_000)), line('VALVE-20', 20, pln(9_500))] }),
  );
  const keyAccount = sales.saleContext({ client: sales.saleClient({ segment: 'key-account' }) });
  const conflicted = new Scenario(saleDecider, "company sale s-3 to d-1's client").run(
    sales.recordSale(company(sales.NOW), { saleId: 's-3', lines: [line('PUMP-100', 1, pln(150_000))] }, keyAccount),
  );
  return [...life.samples, ...refused.samples, ...conflicted.samples];
}

export function specialPriceSamples(): SampleEvent[] {
  return new Scenario(specialPriceDecider, 'special prices of c-1').run(
    sales.approveSpecialPrice(sales.asCompany('2026-02-25T09:00:00.000Z')),
    sales.revokeSpecialPrice(sales.asCompany('2026-03-05T09:00:00.000Z')),
  ).samples;
}

/** March closed on time; April closed with March's late sales as an adjustment. */
export function settlementSamples(): SampleEvent[] {
  const { asCompany: company, closeCommand } = settlement;
  return new Scenario(settlementDecider, 'settlement d-1-2026').run(
    closeCommand(company('2026-04-02T09:00:00.000Z'), { period: '2026-03', actuals: { '2026-03': 10_500_000 }, salesUpToPosition: 4_210 }),
    closeCommand(company('2026-05-04T09:00:00.000Z'), {
      period: '2026-04',
      actuals: { '2026-03': 11_200_000, '2026-04': 9_800_000 },
      salesUpToPosition: 5_377,
    }),
  ).samples;
}

/** The budget accrued; a spend proposed, approved and settled; another rejected. */
export function promotionSamples(): SampleEvent[] {
  const { asCompany: company, asDistributor: d1, asSystem: system } = promotion;
  return new Scenario(promotionDecider, 'promotion d-1-2026').run(
    promotion.accrueCommand(system(promotion.IN_FORCE)),
    promotion.proposeCommand(d1('2026-02-01T09:00:00.000Z'), 'sp-1', 450_000),
    promotion.approveCommand(company('2026-02-02T09:00:00.000Z'), 'sp-1'),
    promotion.settleCommand(d1('2026-03-15T09:00:00.000Z'), 'sp-1', 420_000),
    promotion.proposeCommand(company('2026-04-01T09:00:00.000Z'), 'sp-2', 200_000, { activity: 'Radio spots, Mazovia' }),
    promotion.rejectCommand(d1('2026-04-02T09:00:00.000Z'), 'sp-2'),
  ).samples;
}
