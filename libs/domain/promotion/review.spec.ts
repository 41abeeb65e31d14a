import { deciderSpec } from '../testing/decider-spec';
import { promotionDecider } from './promotion';
import {
  approveCommand,
  approved,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  firstAccrual,
  proposed,
  refusalOf,
  rejectCommand,
  rejected,
  settled,
} from './testing/fixtures';

const spec = deciderSpec(promotionDecider);
const T1 = '2026-02-01T10:00:00.000Z';
const T2 = '2026-02-03T10:00:00.000Z';
const T3 = '2026-02-05T10:00:00.000Z';
const byCompany = [firstAccrual(), proposed('sp-1', 'company', 500_000, T1)];
const byDistributor = [firstAccrual(), proposed('sp-1', 'distributor', 500_000, T1)];

describe('promotion: the other party decides on a proposal', () => {
  it('the distributor approves the company’s proposal', () => {
    spec
      .given(byCompany)
      .when(approveCommand(asDistributor(T2), 'sp-1'))
      .then([approved('sp-1', 'distributor', T2)]);
  });

  it('the company approves the distributor’s proposal', () => {
    spec
      .given(byDistributor)
      .when(approveCommand(asCompany(T2), 'sp-1'))
      .then([approved('sp-1', 'company', T2)]);
  });

  it('the company rejects the distributor’s proposal, saying why', () => {
    spec
      .given(byDistributor)
      .when(rejectCommand(asCompany(T2), 'sp-1'))
      .then([rejected('sp-1', 'company', T2)]);
  });

  it('the proposer neither approves nor rejects its own proposal', () => {
    for (const command of [approveCommand(asCompany(T2), 'sp-1'), rejectCommand(asCompany(T2), 'sp-1')]) {
      const e = refusalOf(byCompany, command);
      expect([e.code, e.kind, e.details]).toEqual(['PROMOTION.OWN_PROPOSAL', 'conflict', { spendId: 'sp-1' }]);
    }
    expect(refusalOf(byDistributor, approveCommand(asDistributor(T2), 'sp-1')).code).toBe('PROMOTION.OWN_PROPOSAL');
  });

  it.each([
    ['approved', approved('sp-1', 'distributor', T2)],
    ['rejected', rejected('sp-1', 'distributor', T2)],
  ])('a spend already %s awaits no decision', (status, decision) => {
    for (const command of [approveCommand(asDistributor(T3), 'sp-1'), rejectCommand(asDistributor(T3), 'sp-1')]) {
      const e = refusalOf([...byCompany, decision], command);
      expect([e.code, e.kind, e.details]).toEqual(['PROMOTION.SPEND_NOT_PENDING', 'conflict', { spendId: 'sp-1', status }]);
    }
  });

  it('a settled spend awaits no decision', () => {
    const given = [...byCompany, approved('sp-1', 'distributor', T2), settled('sp-1', 'company', 500_000, T3)];
    expect(refusalOf(given, rejectCommand(asDistributor(T3), 'sp-1')).details).toEqual({ spendId: 'sp-1', status: 'settled' });
  });

  it('refuses a decision on a spend never proposed', () => {
    const e = refusalOf(byCompany, approveCommand(asDistributor(T2), 'sp-9'));
    expect([e.code, e.kind]).toEqual(['PROMOTION.SPEND_NOT_FOUND', 'not_found']);
  });

  it.each([
    ['compliance', asCompliance(T2)],
    ['the system', asSystem(T2)],
    ['another distributor', asDistributor(T2, 'd-2')],
  ])('%s decides nothing here', (_, context) => {
    expect(refusalOf(byCompany, approveCommand(context, 'sp-1')).code).toBe('PROMOTION.FORBIDDEN_PARTY');
    expect(refusalOf(byCompany, rejectCommand(context, 'sp-1')).code).toBe('PROMOTION.FORBIDDEN_PARTY');
  });

  it('a rejection needs a reason of at most 500 characters', () => {
    for (const [reason, message] of [
      [' ', 'must be a non-empty string'],
      ['x'.repeat(501), 'must be at most 500 characters'],
    ]) {
      const e = refusalOf(byDistributor, rejectCommand(asCompany(T2), 'sp-1', reason));
      expect([e.code, e.kind, e.details.errors]).toEqual(['PROMOTION.INVALID_COMMAND', 'invalid', [{ field: 'reason', message }]]);
    }
  });
});
