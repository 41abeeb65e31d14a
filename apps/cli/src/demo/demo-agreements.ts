/**
 * The agreements: both distributors registered and their policies drafted and signed in December of
 * the year before (in force from 1 January), acme's amendment raising the plan from July, and the
 * expiry of both policies as the year ends.
 */
import type { PolicyTerms } from '@cl/domain/policy';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { acmeAmendedTerms, acmeTerms, balticTerms, DISTRIBUTORS, PEOPLE, policyIdOf, type DistributorName } from './demo-cast';
import { expectRecorded, step, type Step, type YearClock } from './demo-steps';

const SYSTEM = { party: 'system', userId: 'policy-expiry' } as const;
const NAMES = Object.keys(DISTRIBUTORS) as DistributorName[];

export function agreementSteps(y: YearClock): Step[] {
  return [
    ...NAMES.map((d, i) =>
      step(y.before('12-01', `09:0${i}`), (l, at) =>
        l.distributor(at, PEOPLE.anna, { type: 'RegisterDistributor', data: { distributorId: d, ...DISTRIBUTORS[d] } }),
      ),
    ),
    ...policySteps(y, 'acme', acmeTerms(y.year), { drafted: '12-02', distributorSigns: '12-10', companySigns: '12-11' }),
    ...policySteps(y, 'baltic', balticTerms(y.year), { drafted: '12-03', distributorSigns: '12-12', companySigns: '12-15' }),
    ...amendmentSteps(y),
    // The service records this itself on its hourly round; here it happens as the year ends.
    ...NAMES.map((d) =>
      step(y.after('01-01', '00:05'), (l, at) => l.policy(at, SYSTEM, { type: 'ExpirePolicy', data: { policyId: policyIdOf(d, y.year) } })),
    ),
  ];
}

function policySteps(
  y: YearClock,
  d: DistributorName,
  terms: PolicyTerms,
  on: { drafted: string; distributorSigns: string; companySigns: string },
): Step[] {
  const policyId = policyIdOf(d, y.year);
  const signature = { type: 'SignPolicy', data: { policyId, termsVersion: 1, termsHash: termsHash(terms) } } as const;
  const distributor = d === 'acme' ? PEOPLE.jan : PEOPLE.ola;
  return [
    step(y.before(on.drafted), (l, at) =>
      l.policy(at, PEOPLE.anna, { type: 'DraftPolicy', data: { distributorId: d, year: y.year, terms } }),
    ),
    step(y.before(on.distributorSigns, '15:00'), (l, at) => l.policy(at, distributor, signature)),
    // The second signature brings the policy into force — from 1 January, not from today.
    step(y.before(on.companySigns, '09:00'), async (l, at) =>
      expectRecorded(await l.policy(at, PEOPLE.anna, signature), 'PolicyCameIntoForce'),
    ),
  ];
}

/** The company proposes a higher plan from July and signs; acme signs a week later; the budget re-accrues. */
function amendmentSteps(y: YearClock): Step[] {
  const policyId = policyIdOf('acme', y.year);
  const amended = acmeAmendedTerms(y.year);
  const signature = { type: 'SignAmendment', data: { policyId, amendmentNo: 1, termsHash: termsHash(amended) } } as const;
  return [
    step(y.at('06-10', '09:00'), (l, at) =>
      l.policy(at, PEOPLE.anna, { type: 'ProposeAmendment', data: { policyId, terms: amended, effectiveFrom: y.day('07-01') } }),
    ),
    step(y.at('06-10', '09:30'), (l, at) => l.policy(at, PEOPLE.anna, signature)),
    step(y.at('06-16', '11:00'), async (l, at) => expectRecorded(await l.policy(at, PEOPLE.jan, signature), 'PolicyAmended')),
  ];
}
