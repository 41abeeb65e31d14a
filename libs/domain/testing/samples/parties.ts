/** Samples of distributors, personal-data erasures and policies, from their deciders. */
import { distributorDecider, type DistributorCommand } from '../../distributor/distributor';
import { personalDataDecider } from '../../personal-data/personal-data';
import type { PolicyCommand } from '../../policy/commands';
import { policyDecider } from '../../policy/policy';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  changedTerms,
  inForceFromJanuary,
  POLICY_ID,
} from '../../policy/testing/fixtures';
import { sampleHash, sampleTerms } from '../../policy/testing/sample-terms';
import type { CommandContext } from '../../shared/types';
import { Scenario, type SampleEvent } from './scenario';

export function distributorSamples(): SampleEvent[] {
  const at = '2025-11-20T09:00:00.000Z';
  const commands: DistributorCommand[] = [
    {
      type: 'RegisterDistributor',
      data: { distributorId: 'd-1', name: 'Hydra Pumps Sp. z o.o.', territories: ['PL-MZ', 'PL-MA'] },
      context: asCompany(at),
    },
    { type: 'RenameDistributor', data: { distributorId: 'd-1', name: 'Hydra Pumps Polska Sp. z o.o.' }, context: asCompany(at) },
  ];
  return new Scenario(distributorDecider, 'distributor d-1').run(...commands).samples;
}

export function personalDataSamples(): SampleEvent[] {
  return new Scenario(personalDataDecider, 'personal data').run({
    type: 'ErasePersonalData',
    data: { subject: 'contact-7f3a', reason: 'Data subject request DSR-2026-014' },
    context: asCompliance('2026-05-04T08:30:00.000Z'),
  }).samples;
}

const policy = (type: PolicyCommand['type'], data: object, context: CommandContext) =>
  ({ type, data: { policyId: POLICY_ID, ...data }, context }) as PolicyCommand;

/** Drafted, revised, signed by both, amended once, an amendment withdrawn and one declined, then terminated. */
export function policySamples(): SampleEvent[] {
  const lifecycle = new Scenario(policyDecider, 'policy d-1-2026').run(
    {
      type: 'DraftPolicy',
      data: { distributorId: 'd-1', year: 2026, terms: sampleTerms() },
      context: asCompany('2025-12-01T09:00:00.000Z'),
    },
    policy('ReviseTerms', { terms: changedTerms(21) }, asCompany('2025-12-02T09:00:00.000Z')),
    policy('SignPolicy', { termsVersion: 2, termsHash: sampleHash(2) }, asCompany('2025-12-10T10:00:00.000Z')),
    policy('SignPolicy', { termsVersion: 2, termsHash: sampleHash(2) }, asDistributor('2025-12-10T11:00:00.000Z')),
    policy('ProposeAmendment', { terms: changedTerms(28), effectiveFrom: '2026-05-01' }, asDistributor('2026-04-01T09:00:00.000Z')),
    policy('SignAmendment', { amendmentNo: 1, termsHash: sampleHash(3) }, asDistributor('2026-04-01T09:05:00.000Z')),
    policy('SignAmendment', { amendmentNo: 1, termsHash: sampleHash(3) }, asCompany('2026-04-02T09:00:00.000Z')),
    policy('ProposeAmendment', { terms: changedTerms(30) }, asCompany('2026-06-01T09:00:00.000Z')),
    policy('WithdrawAmendment', { amendmentNo: 2, reason: 'Superseded by the autumn price list' }, asCompany('2026-06-02T09:00:00.000Z')),
    policy('ProposeAmendment', { terms: changedTerms(10) }, asDistributor('2026-07-01T09:00:00.000Z')),
    policy('DeclineAmendment', { amendmentNo: 3, reason: 'Ten days is too short for key accounts' }, asCompany('2026-07-02T09:00:00.000Z')),
    policy('TerminatePolicy', { reason: 'Repeated sales below the price floor' }, asCompany('2026-09-30T16:00:00.000Z')),
  );
  const expiry = new Scenario(policyDecider, 'policy d-1-2026 at year end', inForceFromJanuary()).run(
    policy('ExpirePolicy', {}, asSystem('2027-01-01T00:05:00.000Z')),
  );
  return [...lifecycle.samples, ...expiry.samples];
}
