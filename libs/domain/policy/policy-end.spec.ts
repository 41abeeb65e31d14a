import type { CommandContext } from '../shared/types';
import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import type { PolicyCommand } from './commands';
import { policyDecider } from './policy';
import { sampleHash } from './testing/sample-terms';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  cameIntoForce,
  changedTerms,
  drafted,
  expired,
  inForceFromJanuary,
  POLICY_ID,
  revised,
  signed,
  terminated,
} from './testing/fixtures';

const spec = deciderSpec(policyDecider);

describe('policy: expiry and termination', () => {
  const expire = (ctx: CommandContext): PolicyCommand => ({
    type: 'ExpirePolicy',
    data: { policyId: POLICY_ID },
    context: ctx,
  });
  const terminate = (ctx: CommandContext, reason = 'breach of the price policy'): PolicyCommand => ({
    type: 'TerminatePolicy',
    data: { policyId: POLICY_ID, reason },
    context: ctx,
  });
  const MAY = '2026-05-01T00:00:00.000Z';

  it('expires at the end of its year, recorded by the system or the company', () => {
    spec
      .given(inForceFromJanuary())
      .when(expire(asSystem('2027-01-01T00:05:00.000Z')))
      .then([expired()]);
    spec
      .given(inForceFromJanuary())
      .when(expire(asCompany('2027-01-01T00:05:00.000Z')))
      .then([expired()]);
    spec
      .given([drafted()])
      .when(expire(asSystem('2027-01-01T00:05:00.000Z')))
      .then([expired()]);
  });

  it('does not expire before the year ends; expiring again records nothing', () => {
    spec
      .given(inForceFromJanuary())
      .when(expire(asSystem('2026-12-31T23:59:59.999Z')))
      .thenThrows('POLICY.YEAR_NOT_ENDED');
    spec
      .given([...inForceFromJanuary(), expired()])
      .when(expire(asSystem('2027-01-02T00:00:00.000Z')))
      .then([]);
    spec
      .given(inForceFromJanuary())
      .when(expire(asDistributor('2027-01-02T00:00:00.000Z')))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
  });

  it('either party terminates a policy in force, with a reason', () => {
    spec
      .given(inForceFromJanuary())
      .when(terminate(asCompany(MAY)))
      .then([terminated(MAY)]);
    spec
      .given(inForceFromJanuary())
      .when(terminate(asDistributor(MAY)))
      .then([terminated(MAY, 'distributor')]);
  });

  it('refuses to terminate a draft, an ended policy, without a reason, or for someone else', () => {
    spec
      .given([drafted()])
      .when(terminate(asCompany(MAY)))
      .thenThrows('POLICY.NOT_IN_FORCE');
    spec
      .given([...inForceFromJanuary(), terminated(MAY)])
      .when(terminate(asCompany(MAY)))
      .thenThrows('POLICY.ENDED');
    spec
      .given([...inForceFromJanuary(), expired()])
      .when(terminate(asCompany('2027-01-02T00:00:00.000Z')))
      .thenThrows('POLICY.ENDED');
    spec
      .given(inForceFromJanuary())
      .when(terminate(asCompany(MAY), '  '))
      .thenThrows('POLICY.INVALID_COMMAND');
    spec
      .given(inForceFromJanuary())
      .when(terminate(asDistributor(MAY, 'd-2')))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
    spec
      .given(inForceFromJanuary())
      .when(terminate(asCompliance(MAY)))
      .thenThrows('POLICY.FORBIDDEN_PARTY');
  });
});

describe('policy state', () => {
  it('exposes status, current terms and version, every version and every signature', () => {
    const state = fold(policyDecider, [
      drafted(),
      signed('company', 1, '2025-12-01T10:00:00.000Z'),
      revised(2, changedTerms()),
      signed('company', 2, '2025-12-03T10:00:00.000Z'),
      signed('distributor', 2, '2025-12-03T11:00:00.000Z'),
      cameIntoForce(2, '2026-01-01T00:00:00.000Z'),
    ]);
    expect(state).toMatchObject({
      status: 'in_force',
      policyId: POLICY_ID,
      distributorId: 'd-1',
      year: 2026,
      currentVersion: 2,
      currentTerms: changedTerms(),
      firstEffectiveFrom: '2026-01-01T00:00:00.000Z',
      inForce: [{ termsVersion: 2, termsHash: sampleHash(2), effectiveFrom: '2026-01-01T00:00:00.000Z' }],
    });
    if (state.status === 'none') throw new Error('unreachable');
    expect(state.versions.map((v) => [v.version, v.origin])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
    ]);
    expect(state.signatures.map((s) => [s.party, s.termsVersion, s.signedAt])).toEqual([
      ['company', 1, '2025-12-01T10:00:00.000Z'],
      ['company', 2, '2025-12-03T10:00:00.000Z'],
      ['distributor', 2, '2025-12-03T11:00:00.000Z'],
    ]);
  });

  it('records the termination and the end', () => {
    const state = fold(policyDecider, [...inForceFromJanuary(), terminated('2026-05-01T00:00:00.000Z', 'distributor')]);
    expect(state).toMatchObject({
      status: 'terminated',
      endedAt: '2026-05-01T00:00:00.000Z',
      termination: { party: 'distributor', userId: 'jan', reason: 'breach of the price policy' },
    });
  });
});
