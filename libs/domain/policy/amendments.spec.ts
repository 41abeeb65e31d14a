import type { CommandContext } from '../shared/types';
import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import type { PolicyCommand } from './commands';
import { policyDecider } from './policy';
import type { PolicyTerms } from './terms';
import { sampleHash, sampleTerms } from './testing/sample-terms';
import {
  amended,
  amendmentSigned,
  asCompany,
  asCompliance,
  asDistributor,
  changedTerms,
  drafted,
  expired,
  inForceFromJanuary,
  POLICY_ID,
  proposed,
  terminated,
} from './testing/fixtures';

const spec = deciderSpec(policyDecider);
const APR = '2026-04-01T09:00:00.000Z';
const APR2 = '2026-04-02T09:00:00.000Z';
const APR3 = '2026-04-03T09:00:00.000Z';
const propose = (ctx: CommandContext, terms: PolicyTerms = changedTerms(), effectiveFrom?: string): PolicyCommand => ({
  type: 'ProposeAmendment',
  data: { policyId: POLICY_ID, terms, ...(effectiveFrom ? { effectiveFrom } : {}) },
  context: ctx,
});
const signAmendment = (ctx: CommandContext, amendmentNo = 1, termsHash = sampleHash(2)): PolicyCommand => ({
  type: 'SignAmendment',
  data: { policyId: POLICY_ID, amendmentNo, termsHash },
  context: ctx,
});
const first = (by: 'company' | 'distributor', requestedEffectiveFrom?: string) =>
  proposed({ amendmentNo: 1, termsVersion: 2, terms: changedTerms(), by, proposedAt: APR, requestedEffectiveFrom });
const proposedByDistributor = (requested?: string) => [...inForceFromJanuary(), first('distributor', requested)];

describe('amendments: proposing', () => {
  it('either party proposes new terms for a policy in force, as the next terms version', () => {
    spec
      .given(inForceFromJanuary())
      .when(propose(asDistributor(APR)))
      .then([first('distributor')]);
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR)))
      .then([first('company')]);
  });

  it('may ask for a later start within the year', () => {
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), changedTerms(), '2026-07-01'))
      .then([first('company', '2026-07-01T00:00:00.000Z')]);
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), changedTerms(), '2027-01-01'))
      .thenThrows('POLICY.INVALID_COMMAND');
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), changedTerms(), 'soon'))
      .thenThrows('POLICY.INVALID_COMMAND');
    // An instant without an offset would depend on the host's time zone: refused. With one, normalised to UTC.
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), changedTerms(), '2026-07-01T00:00'))
      .thenThrows('POLICY.INVALID_COMMAND');
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), changedTerms(), '2026-07-01T02:00+02:00'))
      .then([first('company', '2026-07-01T00:00:00.000Z')]);
  });

  it('validates the terms the same way as a draft, and refuses a change that changes nothing', () => {
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), sampleTerms(2026, { handOverDays: 120 })))
      .thenThrows('POLICY.INVALID_TERMS');
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompany(APR), sampleTerms()))
      .thenThrows('POLICY.AMENDMENT_UNCHANGED');
  });

  it('allows one open amendment at a time', () => {
    spec
      .given(proposedByDistributor())
      .when(propose(asCompany(APR2), changedTerms(30)))
      .thenThrows('POLICY.AMENDMENT_OPEN');
  });

  it('amends only a policy in force, and only its own parties do', () => {
    spec
      .given([drafted()])
      .when(propose(asCompany(APR)))
      .thenThrows('POLICY.NOT_IN_FORCE');
    spec
      .given([...inForceFromJanuary(), terminated(APR)])
      .when(propose(asCompany(APR2)))
      .thenThrows('POLICY.ENDED');
    spec
      .given(inForceFromJanuary())
      .when(propose(asCompliance(APR)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given(inForceFromJanuary())
      .when(propose(asDistributor(APR, 'd-2')))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given([])
      .when(propose(asCompany(APR)))
      .thenThrows('POLICY.NOT_FOUND');
  });
});

describe('amendments: signing', () => {
  it('one signature changes nothing yet', () => {
    spec
      .given(proposedByDistributor())
      .when(signAmendment(asDistributor(APR2)))
      .then([amendmentSigned(1, 2, 'distributor', APR2)]);
  });

  it('when both have signed, the new version governs from the last signature', () => {
    spec
      .given([...proposedByDistributor(), amendmentSigned(1, 2, 'distributor', APR2)])
      .when(signAmendment(asCompany(APR3)))
      .then([amendmentSigned(1, 2, 'company', APR3), amended(1, 2, APR3)]);
  });

  it('or from the requested date, when that is later', () => {
    spec
      .given([...proposedByDistributor('2026-07-01T00:00:00.000Z'), amendmentSigned(1, 2, 'distributor', APR2)])
      .when(signAmendment(asCompany(APR3)))
      .then([amendmentSigned(1, 2, 'company', APR3), amended(1, 2, '2026-07-01T00:00:00.000Z')]);
    spec
      .given([...proposedByDistributor('2026-02-01T00:00:00.000Z'), amendmentSigned(1, 2, 'distributor', APR2)])
      .when(signAmendment(asCompany(APR3)))
      .then([amendmentSigned(1, 2, 'company', APR3), amended(1, 2, APR3)]);
  });

  it('refuses a second signature, a different hash, an unknown or closed amendment', () => {
    const once = [...proposedByDistributor(), amendmentSigned(1, 2, 'distributor', APR2)];
    spec
      .given(once)
      .when(signAmendment(asDistributor(APR3)))
      .thenThrows('POLICY.ALREADY_SIGNED');
    spec
      .given(once)
      .when(signAmendment(asCompany(APR3), 1, 'sha256:other'))
      .thenThrows('POLICY.TERMS_HASH_MISMATCH');
    spec
      .given(once)
      .when(signAmendment(asCompany(APR3), 2))
      .thenThrows('POLICY.AMENDMENT_NOT_FOUND');
    spec
      .given([...once, amendmentSigned(1, 2, 'company', APR3), amended(1, 2, APR3)])
      .when(signAmendment(asCompany(APR3)))
      .thenThrows('POLICY.AMENDMENT_NOT_OPEN');
  });

  it('an open amendment lapses when the policy ends', () => {
    spec
      .given([...proposedByDistributor(), terminated(APR2)])
      .when(signAmendment(asCompany(APR3)))
      .thenThrows('POLICY.ENDED');
    const state = fold(policyDecider, [...proposedByDistributor(), expired()]);
    expect(state).toMatchObject({
      status: 'expired',
      amendments: [{ amendmentNo: 1, status: 'lapsed', closedAt: '2027-01-01T00:00:00.000Z' }],
    });
  });

  it('a later amendment builds on the agreed one and never starts before it', () => {
    const history = [
      ...proposedByDistributor('2026-09-01T00:00:00.000Z'),
      amendmentSigned(1, 2, 'distributor', APR2),
      amendmentSigned(1, 2, 'company', APR3),
      amended(1, 2, '2026-09-01T00:00:00.000Z'),
    ];
    const MAY = '2026-05-01T00:00:00.000Z';
    const second = proposed({ amendmentNo: 2, termsVersion: 3, baseVersion: 2, terms: changedTerms(30), by: 'company', proposedAt: MAY });
    spec
      .given(history)
      .when(propose(asCompany(MAY), changedTerms(30)))
      .then([second]);
    spec
      .given([...history, second, amendmentSigned(2, 3, 'company', MAY)])
      .when(signAmendment(asDistributor(MAY), 2, sampleHash(3)))
      .then([amendmentSigned(2, 3, 'distributor', MAY), amended(2, 3, '2026-09-01T00:00:00.000Z')]);
  });
});

describe('amendments: withdrawing and declining', () => {
  const withdraw = (ctx: CommandContext, reason?: string): PolicyCommand => ({
    type: 'WithdrawAmendment',
    data: { policyId: POLICY_ID, amendmentNo: 1, ...(reason ? { reason } : {}) },
    context: ctx,
  });
  const decline = (ctx: CommandContext, reason?: string): PolicyCommand => ({
    type: 'DeclineAmendment',
    data: { policyId: POLICY_ID, amendmentNo: 1, ...(reason ? { reason } : {}) },
    context: ctx,
  });

  it('the proposer withdraws; the other party declines', () => {
    spec
      .given(proposedByDistributor())
      .when(withdraw(asDistributor(APR2), 'numbers were wrong'))
      .then([
        {
          type: 'PolicyAmendmentWithdrawn',
          data: {
            policyId: POLICY_ID,
            amendmentNo: 1,
            party: 'distributor',
            userId: 'jan',
            reason: 'numbers were wrong',
            withdrawnAt: APR2,
          },
        },
      ]);
    spec
      .given(proposedByDistributor())
      .when(decline(asCompany(APR2)))
      .then([
        {
          type: 'PolicyAmendmentDeclined',
          data: { policyId: POLICY_ID, amendmentNo: 1, party: 'company', userId: 'ceo', declinedAt: APR2 },
        },
      ]);
  });

  it('not the other way round', () => {
    spec
      .given(proposedByDistributor())
      .when(withdraw(asCompany(APR2)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given(proposedByDistributor())
      .when(decline(asDistributor(APR2)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
  });

  it('a closed amendment frees the way for the next one, numbered on', () => {
    const withdrawn = {
      type: 'PolicyAmendmentWithdrawn' as const,
      data: { policyId: POLICY_ID, amendmentNo: 1, party: 'distributor' as const, userId: 'jan', withdrawnAt: APR2 },
    };
    // Version 2 stays on record as the withdrawn proposal; the next one is version 3, still based on 1.
    const next = proposed({ amendmentNo: 2, termsVersion: 3, baseVersion: 1, terms: changedTerms(30), by: 'company', proposedAt: APR3 });
    spec
      .given([...proposedByDistributor(), withdrawn])
      .when(propose(asCompany(APR3), changedTerms(30)))
      .then([next]);
    spec
      .given([...proposedByDistributor(), withdrawn])
      .when(withdraw(asDistributor(APR3)))
      .thenThrows('POLICY.AMENDMENT_NOT_OPEN');
  });
});
