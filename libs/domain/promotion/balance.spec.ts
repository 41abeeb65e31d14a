import { fold } from '../shared/types';
import { availableOf, balanceOf } from './balance';
import { promotionDecider } from './promotion';
import { accrued, actorOf, approved, firstAccrual, pln, proposed, rejected, settled } from './testing/fixtures';

const T1 = '2026-02-01T10:00:00.000Z';
const T2 = '2026-02-03T10:00:00.000Z';
const T3 = '2026-03-10T10:00:00.000Z';

describe('promotion: the balance', () => {
  it('has no figures before the budget accrues', () => {
    expect(balanceOf(promotionDecider.initialState())).toBeUndefined();
  });

  it('accrued − committed (proposed, approved) − settled (what was actually spent)', () => {
    const state = fold(promotionDecider, [
      firstAccrual(),
      proposed('sp-1', 'company', 200_000, T1),
      proposed('sp-2', 'distributor', 300_000, T1),
      approved('sp-2', 'company', T2),
      proposed('sp-3', 'company', 400_000, T1),
      rejected('sp-3', 'distributor', T2),
      proposed('sp-4', 'distributor', 500_000, T1),
      approved('sp-4', 'company', T2),
      settled('sp-4', 'distributor', 450_000, T3),
    ]);
    const balance = balanceOf(state);
    expect(balance).toEqual({
      accrued: pln(1_800_000),
      company: pln(900_000),
      distributor: pln(900_000),
      committed: pln(500_000),
      settled: pln(450_000),
      balance: pln(850_000),
    });
    expect(balance && availableOf(balance)).toEqual(pln(850_000));
  });

  it('reports a shortfall after a lowering re-accrual, while proposals see zero available', () => {
    const state = fold(promotionDecider, [
      firstAccrual(),
      proposed('sp-1', 'company', 1_000_000, T1),
      accrued({ termsVersion: 2, total: 600_000, company: 300_000, distributor: 300_000, delta: -1_200_000, budgetBp: 50 }),
    ]);
    const balance = balanceOf(state);
    expect(balance?.balance).toEqual(pln(-400_000));
    expect(balance && availableOf(balance)).toEqual(pln(0));
  });

  it('keeps each spend’s history: who proposed, who decided, and what was settled', () => {
    const state = fold(promotionDecider, [
      firstAccrual(),
      proposed('sp-1', 'company', 500_000, T1),
      approved('sp-1', 'distributor', T2),
      settled('sp-1', 'company', 450_000, T3),
      proposed('sp-2', 'distributor', 100_000, T1),
      rejected('sp-2', 'company', T2, 'Duplicate of sp-1'),
    ]);
    expect(state.accrual?.termsVersion).toBe(1);
    expect(state.spends['sp-1']).toMatchObject({
      status: 'settled',
      proposedBy: actorOf('company'),
      decidedBy: actorOf('distributor'),
      decidedAt: T2,
      settlement: { settledBy: actorOf('company'), proofRef: 'doc://invoices/sp-1', amount: pln(450_000), settledAt: T3 },
    });
    expect(state.spends['sp-2']).toMatchObject({ status: 'rejected', decidedBy: actorOf('company'), rejectionReason: 'Duplicate of sp-1' });
  });

  it('ignores a decision on a spend the stream never proposed', () => {
    const state = fold(promotionDecider, [firstAccrual(), approved('sp-9', 'company', T2)]);
    expect(state.spends).toEqual({});
  });
});
