import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import { balanceOf } from './balance';
import { promotionDecider } from './promotion';
import {
  accrued,
  approveCommand,
  approved,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  firstAccrual,
  pln,
  proposeCommand,
  proposed,
  refusalOf,
  rejected,
  settleCommand,
  settled,
} from './testing/fixtures';

const spec = deciderSpec(promotionDecider);
const T1 = '2026-02-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:01.000Z';
const T3 = '2026-02-02T10:00:00.000Z';

describe('promotion: proposing a spend', () => {
  it('the company proposes a spend against the budget', () => {
    spec
      .given([firstAccrual()])
      .when(proposeCommand(asCompany(T1), 'sp-1', 500_000))
      .then([proposed('sp-1', 'company', 500_000, T1)]);
  });

  it('the distributor proposes a spend against its own policy’s budget', () => {
    spec
      .given([firstAccrual()])
      .when(proposeCommand(asDistributor(T1), 'sp-1', 500_000))
      .then([proposed('sp-1', 'distributor', 500_000, T1)]);
  });

  it.each([
    ['compliance', asCompliance(T1)],
    ['the system', asSystem(T1)],
    ['another distributor', asDistributor(T1, 'd-2')],
  ])('%s may not propose', (_, context) => {
    const e = refusalOf([firstAccrual()], proposeCommand(context, 'sp-1', 1));
    expect([e.code, e.kind]).toEqual(['PROMOTION.FORBIDDEN_PARTY', 'forbidden']);
  });

  it('nothing can be proposed before the budget accrues', () => {
    const e = refusalOf([], proposeCommand(asCompany(T1), 'sp-1', 1));
    expect([e.code, e.kind]).toEqual(['PROMOTION.NO_BUDGET', 'conflict']);
  });

  it('refuses an amount in another currency than the budget', () => {
    const e = refusalOf([firstAccrual()], proposeCommand(asCompany(T1), 'sp-1', 0, { amount: { minor: 100, currency: 'EUR' } }));
    expect([e.code, e.kind, e.details.errors]).toEqual([
      'PROMOTION.CURRENCY_MISMATCH',
      'invalid',
      [{ field: 'amount.currency', message: 'must be the budget currency PLN' }],
    ]);
  });

  it('refuses a malformed proposal, naming every field', () => {
    const command = proposeCommand(asCompany(T1), ' ', 0, { activity: '', evidenceRef: 'x'.repeat(501) });
    const e = refusalOf([firstAccrual()], command);
    expect([e.code, e.kind]).toEqual(['PROMOTION.INVALID_COMMAND', 'invalid']);
    expect(e.details.errors).toEqual([
      { field: 'spendId', message: 'must be a non-empty string' },
      { field: 'activity', message: 'must be a non-empty string' },
      { field: 'amount.minor', message: 'must be an integer at least 1' },
      { field: 'evidenceRef', message: 'must be at most 500 characters' },
    ]);
    const fractional = refusalOf([firstAccrual()], proposeCommand(asCompany(T1), 'sp-1', 0, { amount: { minor: 1.5, currency: 'PLN' } }));
    expect(fractional.details.errors).toEqual([{ field: 'amount.minor', message: 'must be an integer at least 1' }]);
  });

  it('accepts texts of exactly 500 characters', () => {
    const long = 'x'.repeat(500);
    const [event] = promotionDecider.decide(
      proposeCommand(asCompany(T1), 'sp-1', 1, { activity: long, evidenceRef: long }),
      fold(promotionDecider, [firstAccrual()]),
    );
    expect(event.data).toMatchObject({ activity: long, evidenceRef: long });
  });

  it('a retried proposal records nothing; another proposal under the same id is refused', () => {
    const given = [firstAccrual(), proposed('sp-1', 'company', 500_000, T1)];
    spec
      .given(given)
      .when(proposeCommand(asCompany(T2), 'sp-1', 500_000))
      .then([]);
    expect(refusalOf(given, proposeCommand(asCompany(T2), 'sp-1', 400_000)).code).toBe('PROMOTION.SPEND_EXISTS');
    expect(refusalOf(given, proposeCommand(asDistributor(T2), 'sp-1', 500_000)).code).toBe('PROMOTION.SPEND_EXISTS');
  });
});

describe('promotion: the balance never goes negative', () => {
  it('a proposal may take the whole balance, and not a minor unit more', () => {
    spec
      .given([firstAccrual()])
      .when(proposeCommand(asCompany(T1), 'sp-1', 1_800_000))
      .then([proposed('sp-1', 'company', 1_800_000, T1)]);
    const e = refusalOf([firstAccrual()], proposeCommand(asCompany(T1), 'sp-1', 1_800_001));
    expect([e.code, e.kind, e.details]).toEqual([
      'PROMOTION.INSUFFICIENT_BALANCE',
      'conflict',
      { balance: pln(1_800_000), available: pln(1_800_000), requested: pln(1_800_001) },
    ]);
  });

  it('two proposals a second apart that together exceed the balance: the second is refused, whoever makes it', () => {
    const afterFirst = [firstAccrual(), proposed('sp-1', 'company', 1_000_000, T1)];
    const e = refusalOf(afterFirst, proposeCommand(asDistributor(T2), 'sp-2', 900_000));
    expect(e.code).toBe('PROMOTION.INSUFFICIENT_BALANCE');
    expect(e.details).toMatchObject({ balance: pln(800_000), requested: pln(900_000) });
    spec
      .given(afterFirst)
      .when(proposeCommand(asDistributor(T2), 'sp-2', 800_000))
      .then([proposed('sp-2', 'distributor', 800_000, T2)]);
    const full = [...afterFirst, proposed('sp-2', 'distributor', 800_000, T2)];
    expect(refusalOf(full, proposeCommand(asCompany(T3), 'sp-3', 1)).code).toBe('PROMOTION.INSUFFICIENT_BALANCE');
  });

  it('approved and settled spend stays committed; a rejection returns its amount', () => {
    const given = [
      firstAccrual(),
      proposed('sp-1', 'company', 1_000_000, T1),
      approved('sp-1', 'distributor', T2),
      proposed('sp-2', 'distributor', 800_000, T2),
    ];
    expect(refusalOf(given, proposeCommand(asCompany(T3), 'sp-3', 1)).code).toBe('PROMOTION.INSUFFICIENT_BALANCE');
    spec
      .given([...given, rejected('sp-2', 'company', T3)])
      .when(proposeCommand(asCompany(T3), 'sp-3', 800_000))
      .then([proposed('sp-3', 'company', 800_000, T3)]);
  });

  it('a spend settled for less than approved returns the rest to the balance', () => {
    const given = [
      firstAccrual(),
      proposed('sp-1', 'company', 1_800_000, T1),
      approved('sp-1', 'distributor', T2),
      settled('sp-1', 'company', 1_500_000, T3),
    ];
    spec
      .given(given)
      .when(proposeCommand(asDistributor(T3), 'sp-2', 300_000))
      .then([proposed('sp-2', 'distributor', 300_000, T3)]);
    expect(refusalOf(given, proposeCommand(asDistributor(T3), 'sp-2', 300_001)).code).toBe('PROMOTION.INSUFFICIENT_BALANCE');
  });

  it('a re-accrual below what is committed keeps every spend; new proposals see nothing available', () => {
    const lowered = accrued({ termsVersion: 2, total: 600_000, company: 300_000, distributor: 300_000, delta: -1_200_000, budgetBp: 50 });
    const given = [firstAccrual(), proposed('sp-1', 'company', 1_000_000, T1), lowered];
    const state = fold(promotionDecider, given);
    expect(balanceOf(state)?.balance).toEqual(pln(-400_000));
    const e = refusalOf(given, proposeCommand(asDistributor(T2), 'sp-2', 1));
    expect(e.details).toEqual({ balance: pln(-400_000), available: pln(0), requested: pln(1) });
    // The spend already proposed goes on: approved, then settled.
    spec
      .given(given)
      .when(approveCommand(asDistributor(T2), 'sp-1'))
      .then([approved('sp-1', 'distributor', T2)]);
    spec
      .given([...given, approved('sp-1', 'distributor', T2)])
      .when(settleCommand(asCompany(T3), 'sp-1'))
      .then([settled('sp-1', 'company', 1_000_000, T3)]);
  });
});
