import { DomainError } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { PolicyCommand } from './commands';
import { createPolicyDecider, policyDecider } from './policy';
import { sampleHash, sampleTerms } from './testing/sample-terms';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  cameIntoForce,
  changedTerms,
  drafted,
  inForceFromJanuary,
  POLICY_ID,
  revised,
  signed,
  terminated,
} from './testing/fixtures';

const spec = deciderSpec(policyDecider);
const DEC = '2025-12-01T09:00:00.000Z';
const draft = (ctx = asCompany(DEC), data: Partial<{ distributorId: string; year: number; terms: unknown }> = {}): PolicyCommand => ({
  type: 'DraftPolicy',
  data: { distributorId: 'd-1', year: 2026, terms: sampleTerms(), ...data } as never,
  context: ctx,
});
const sign = (ctx: ReturnType<typeof asCompany>, termsVersion = 1, termsHash = sampleHash(termsVersion)): PolicyCommand => ({
  type: 'SignPolicy',
  data: { policyId: POLICY_ID, termsVersion, termsHash },
  context: ctx,
});
const revise = (terms = changedTerms(), ctx = asCompany('2025-12-02T09:00:00.000Z')): PolicyCommand => ({
  type: 'ReviseTerms',
  data: { policyId: POLICY_ID, terms },
  context: ctx,
});

describe('policy: drafting', () => {
  it('the company drafts version 1 of the terms for a distributor and year', () => {
    spec
      .given([])
      .when(draft())
      .then([drafted(DEC)]);
  });

  it('only the company drafts', () => {
    spec
      .given([])
      .when(draft(asDistributor(DEC)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
  });

  it('one policy per distributor and year: a second draft is refused by the stream’s state', () => {
    spec.given([drafted()]).when(draft()).thenThrows('POLICY.ALREADY_DRAFTED');
    spec.given(inForceFromJanuary()).when(draft()).thenThrows('POLICY.ALREADY_IN_FORCE');
    spec
      .given([...inForceFromJanuary(), terminated('2026-05-01T00:00:00.000Z')])
      .when(draft())
      .thenThrows('POLICY.ENDED');
  });

  it('refuses invalid terms with every field error in details.errors', () => {
    spec
      .given([])
      .when(draft(asCompany(DEC), { terms: sampleTerms(2026, { handOverDays: 0 }) }))
      .thenThrows('POLICY.INVALID_TERMS');
    let caught: DomainError | undefined;
    try {
      policyDecider.decide(
        draft(asCompany(DEC), {
          terms: sampleTerms(2026, { handOverDays: 0, promotion: { budgetBp: 10, funding: { companyBp: 5000, distributorBp: 5000 } } }),
        }),
        { status: 'none' },
      );
    } catch (e) {
      caught = e as DomainError;
    }
    expect(caught?.kind).toBe('invalid');
    expect(caught?.details.errors).toEqual([
      { field: 'promotion.budgetBp', message: expect.stringContaining('between 50 and 300') },
      { field: 'handOverDays', message: 'must be an integer between 1 and 90' },
    ]);
  });

  it('refuses terms for another year than the policy’s', () => {
    spec
      .given([])
      .when(draft(asCompany(DEC), { terms: sampleTerms(2025) }))
      .thenThrows('POLICY.INVALID_TERMS');
  });

  it('applies configured promotion bounds', () => {
    const wide = deciderSpec(createPolicyDecider({ bounds: { promotionBudgetBp: { min: 50, max: 500 } } }));
    const terms = sampleTerms(2026, { promotion: { budgetBp: 450, funding: { companyBp: 10_000, distributorBp: 0 } } });
    wide
      .given([])
      .when(draft(asCompany(DEC), { terms }))
      .then([drafted(DEC, terms)]);
    spec
      .given([])
      .when(draft(asCompany(DEC), { terms }))
      .thenThrows('POLICY.INVALID_TERMS');
    expect(() => createPolicyDecider({ bounds: { promotionBudgetBp: { min: 300, max: 50 } } })).toThrow();
  });

  it('refuses a malformed year or distributor, and a year already over', () => {
    spec
      .given([])
      .when(draft(asCompany(DEC), { year: 26 }))
      .thenThrows('POLICY.INVALID_COMMAND');
    spec
      .given([])
      .when(draft(asCompany(DEC), { distributorId: ' ' }))
      .thenThrows('POLICY.INVALID_COMMAND');
    spec
      .given([])
      .when(draft(asCompany('2027-01-01T00:00:00.000Z')))
      .thenThrows('POLICY.YEAR_ENDED');
  });
});

describe('policy: revising the draft', () => {
  it('revising creates the next version', () => {
    spec
      .given([drafted()])
      .when(revise())
      .then([revised(2, changedTerms())]);
    spec
      .given([drafted(), revised(2, changedTerms())])
      .when(revise(changedTerms(30)))
      .then([revised(3, changedTerms(30))]);
  });

  it('resending the current terms records nothing (and keeps signatures)', () => {
    spec
      .given([drafted(), signed('company', 1, '2025-12-01T10:00:00.000Z')])
      .when(revise(sampleTerms()))
      .then([]);
  });

  it('revising clears signatures: they were given to an older version', () => {
    const history = [drafted(), signed('company', 1, '2025-12-01T10:00:00.000Z'), revised(2, changedTerms())];
    const at = '2025-12-03T10:00:00.000Z';
    spec
      .given(history)
      .when(sign(asDistributor(at), 2))
      .then([signed('distributor', 2, at)]);
    spec
      .given(history)
      .when(sign(asCompany(at), 1))
      .thenThrows('POLICY.WRONG_TERMS_VERSION');
  });

  it('only the company revises, only a draft', () => {
    spec
      .given([drafted()])
      .when(revise(changedTerms(), asDistributor(DEC)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec.given(inForceFromJanuary()).when(revise()).thenThrows('POLICY.ALREADY_IN_FORCE');
    spec.given([]).when(revise()).thenThrows('POLICY.NOT_FOUND');
    spec
      .given([drafted()])
      .when(revise(sampleTerms(2026, { territories: [] })))
      .thenThrows('POLICY.INVALID_TERMS');
  });
});

describe('policy: signing', () => {
  const first = '2025-12-10T10:00:00.000Z';
  const second = '2025-12-10T11:00:00.000Z';

  it('a party signs the current version; one signature does not bring it in force', () => {
    spec
      .given([drafted()])
      .when(sign(asCompany(first)))
      .then([signed('company', 1, first)]);
    spec
      .given([drafted()])
      .when(sign(asDistributor(first)))
      .then([signed('distributor', 1, first)]);
  });

  it('the second signature brings it in force from 1 January when signed before the year', () => {
    spec
      .given([drafted(), signed('company', 1, first)])
      .when(sign(asDistributor(second)))
      .then([signed('distributor', 1, second), cameIntoForce(1, '2026-01-01T00:00:00.000Z')]);
  });

  it('signed within the year, it is in force from the second signature', () => {
    const march = '2026-03-15T12:30:00.000Z';
    spec
      .given([drafted(), signed('distributor', 1, first)])
      .when(sign(asCompany(march)))
      .then([signed('company', 1, march), cameIntoForce(1, march)]);
  });

  it('refuses a version that is not current, a second signature and a different hash', () => {
    spec
      .given([drafted(), revised(2, changedTerms())])
      .when(sign(asCompany(first), 1))
      .thenThrows('POLICY.WRONG_TERMS_VERSION');
    spec
      .given([drafted()])
      .when(sign(asCompany(first), 2))
      .thenThrows('POLICY.WRONG_TERMS_VERSION');
    spec
      .given([drafted(), signed('company', 1, first)])
      .when(sign(asCompany(second)))
      .thenThrows('POLICY.ALREADY_SIGNED');
    spec
      .given([drafted(), signed('company', 1, first)])
      .when(sign(asDistributor(second), 1, 'sha256:other'))
      .thenThrows('POLICY.TERMS_HASH_MISMATCH');
    spec
      .given([drafted()])
      .when(sign(asCompany(first), 1, ''))
      .thenThrows('POLICY.INVALID_COMMAND');
  });

  it('each party signs only for itself: not another distributor, not compliance, not the system', () => {
    spec
      .given([drafted()])
      .when(sign(asDistributor(first, 'd-2')))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given([drafted()])
      .when(sign(asCompliance(first)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given([drafted()])
      .when(sign(asSystem(first)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
  });

  it('refuses signing an unknown policy, one already in force, or after its year', () => {
    spec
      .given([])
      .when(sign(asCompany(first)))
      .thenThrows('POLICY.NOT_FOUND');
    spec
      .given(inForceFromJanuary())
      .when(sign(asCompany(first)))
      .thenThrows('POLICY.ALREADY_IN_FORCE');
    spec
      .given([drafted()])
      .when(sign(asCompany('2027-01-01T00:00:00.000Z')))
      .thenThrows('POLICY.YEAR_ENDED');
  });
});
