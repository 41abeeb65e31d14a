import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientEvent } from './events';
import {
  asCompany,
  asDistributor,
  claim,
  claimContested,
  claimed,
  claimedByD1,
  CLIENT_ID,
  COMPANY,
  D1,
  D2,
  disputeSettled,
  judgement,
  keyAccount,
  pln,
  policyInForce,
  refusalOf,
  registered,
  released,
} from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const NOW = '2026-02-02T09:00:00.000Z';
const LATER = '2026-02-03T09:00:00.000Z';
const D1_POLICY = policyInForce('d-1');
/** d-2 holds the whole of Poland, so its policy judges clients in Mazovia as well. */
const D2_POLICY = policyInForce('d-2', { territories: ['PL'] });
const claimedAs = (owner: typeof D1, judgements: ReturnType<typeof judgement>[], at = NOW): ClientEvent => claimed(owner, judgements, at);

describe('client: claims judged by the division criteria', () => {
  describe('a distributor’s claim is judged by its own policy in force', () => {
    it('a new client in its territory falls to the default rule: the distributor’s', () => {
      spec
        .given([registered()])
        .when(claim(asDistributor(NOW)))
        .then([claimedAs(D1, [judgement('default', 'distributor', D1_POLICY)])]);
    });

    it('only its own policy counts; others passed along are ignored', () => {
      spec
        .given([registered()])
        .when(claim(asDistributor(NOW), [D2_POLICY, D1_POLICY]))
        .then([claimedAs(D1, [judgement('default', 'distributor', D1_POLICY)])]);
    });

    it('without a policy of its own in force it may not claim', () => {
      spec
        .given([registered()])
        .when(claim(asDistributor(NOW), []))
        .thenThrows('CLIENT.NO_POLICY_IN_FORCE');
      const refusal = refusalOf(clientDecider, [registered()], claim(asDistributor(NOW), [D2_POLICY]));
      expect(refusal.code).toBe('CLIENT.NO_POLICY_IN_FORCE');
      expect(refusal.kind).toBe('conflict');
    });

    it('a client outside its territories is not its to claim', () => {
      const refusal = refusalOf(clientDecider, [registered(D1, { territory: 'PL-DS' })], claim(asDistributor(NOW)));
      expect(refusal.code).toBe('CLIENT.OUTSIDE_TERRITORY');
      expect(refusal.kind).toBe('conflict');
      expect(refusal.details).toEqual({ territory: 'PL-DS', policyId: 'd-1-2026', territories: ['PL-MZ', 'PL-MA'] });
    });

    it('a country-wide territory covers the subdivisions', () => {
      spec
        .given([registered(D2)])
        .when(claim(asDistributor(NOW, 'd-2'), [D2_POLICY]))
        .then([claimedAs(D2, [judgement('default', 'distributor', D2_POLICY)])]);
    });

    it('a client the criteria give to the company is refused and the refusal recorded, naming the rule', () => {
      spec
        .given([registered(D1, keyAccount())])
        .when(claim(asDistributor(NOW)))
        .then([
          {
            type: 'ClientClaimRefused',
            data: {
              clientId: registered().data.clientId,
              claimant: D1,
              refusedBy: { policyId: 'd-1-2026', termsVersion: 1, ruleId: 'key-accounts', assignedTo: 'company' },
              refusedAt: NOW,
            },
          },
        ]);
      const refusal = refusalOf(clientDecider, [registered(D1, keyAccount())], claim(asDistributor(NOW)));
      expect(refusal.code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
      expect(refusal.kind).toBe('conflict');
      expect(refusal.details).toEqual({ ruleId: 'key-accounts', policyId: 'd-1-2026', termsVersion: 1, assignedTo: 'company' });
      expect(refusal.message).toContain('Rule key-accounts of policy d-1-2026');
    });

    it('a key account just under the threshold is the distributor’s', () => {
      spec
        .given([registered(D1, keyAccount({ annualVolume: pln(99_999_999) }))])
        .when(claim(asDistributor(NOW)))
        .then([claimedAs(D1, [judgement('default', 'distributor', D1_POLICY)])]);
    });

    it('the judgement carries the terms version of the policy in force', () => {
      const amended = policyInForce('d-1', { termsVersion: 3 });
      spec
        .given([registered()])
        .when(claim(asDistributor(NOW), [amended]))
        .then([claimedAs(D1, [judgement('default', 'distributor', amended)])]);
    });
  });

  describe('the company’s claim is judged by every distributor policy covering the client', () => {
    it('a key account is the company’s under the policy', () => {
      spec
        .given([registered(COMPANY, keyAccount())])
        .when(claim(asCompany(NOW), [D1_POLICY]))
        .then([claimedAs(COMPANY, [judgement('key-accounts', 'company', D1_POLICY)])]);
    });

    it('needs every covering policy to leave the client to the company, one judgement each', () => {
      const d2KeepsNothing = policyInForce('d-2', { territories: ['PL'], divisionCriteria: { rules: [], defaultOwner: 'company' } });
      spec
        .given([registered(COMPANY, keyAccount())])
        .when(claim(asCompany(NOW), [D1_POLICY, d2KeepsNothing]))
        .then([claimedAs(COMPANY, [judgement('key-accounts', 'company', D1_POLICY), judgement('default', 'company', d2KeepsNothing)])]);
    });

    it('the first policy giving the client to a distributor refuses the claim, naming its rule', () => {
      const d2KeepsAll = policyInForce('d-2', { territories: ['PL'], divisionCriteria: { rules: [], defaultOwner: 'distributor' } });
      const refusal = refusalOf(clientDecider, [registered(COMPANY, keyAccount())], claim(asCompany(NOW), [D1_POLICY, d2KeepsAll]));
      expect(refusal.code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
      expect(refusal.details).toEqual({ ruleId: 'default', policyId: 'd-2-2026', termsVersion: 1, assignedTo: 'distributor' });
      expect(refusal.message).toContain('Rule default of policy d-2-2026');
    });

    it('an ordinary client falls to the distributor: the company may not claim it', () => {
      expect(refusalOf(clientDecider, [registered(COMPANY)], claim(asCompany(NOW), [D1_POLICY])).code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
    });

    it('with no distributor policy covering the client the company claims it with no judgement', () => {
      spec
        .given([registered(COMPANY)])
        .when(claim(asCompany(NOW), []))
        .then([claimedAs(COMPANY, [])]);
    });

    it('a policy whose territories do not hold the client has no say', () => {
      const elsewhere = policyInForce('d-3', { territories: ['DE'] });
      spec
        .given([registered(COMPANY)])
        .when(claim(asCompany(NOW), [elsewhere]))
        .then([claimedAs(COMPANY, [])]);
    });
  });

  describe('existing relationships: dealings before the policy first took effect', () => {
    it('the company keeps a client it served before the policy', () => {
      const companyClient = registered(COMPANY, { relationships: [{ side: COMPANY, since: '2025-06-01' }] });
      spec
        .given([companyClient])
        .when(claim(asCompany(NOW), [D1_POLICY]))
        .then([claimedAs(COMPANY, [judgement('company-existing', 'company', D1_POLICY)])]);
      const refusal = refusalOf(clientDecider, [companyClient], claim(asDistributor(NOW)));
      expect(refusal.details).toMatchObject({ ruleId: 'company-existing', assignedTo: 'company' });
    });

    it('a relationship that began after the policy took effect is not an existing one', () => {
      const recent = registered(COMPANY, { relationships: [{ side: COMPANY, since: '2026-01-15' }] });
      expect(refusalOf(clientDecider, [recent], claim(asCompany(NOW), [D1_POLICY])).code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
      spec
        .given([recent])
        .when(claim(asDistributor(NOW)))
        .then([claimedAs(D1, [judgement('default', 'distributor', D1_POLICY)])]);
    });

    it('a relationship beginning on the very day the policy took effect is not before it', () => {
      const sameDay = registered(COMPANY, { relationships: [{ side: COMPANY, since: '2026-01-01' }] });
      spec
        .given([sameDay])
        .when(claim(asDistributor(NOW)))
        .then([claimedAs(D1, [judgement('default', 'distributor', D1_POLICY)])]);
    });

    it('judged against the date the policy first took effect, whatever terms version is in force now', () => {
      const since2025 = policyInForce('d-1', { termsVersion: 4, firstEffectiveFrom: '2025-07-01T00:00:00.000Z' });
      const before = registered(COMPANY, { relationships: [{ side: COMPANY, since: '2025-06-30' }] });
      const after = registered(COMPANY, { relationships: [{ side: COMPANY, since: '2025-07-01' }] });
      spec
        .given([before])
        .when(claim(asCompany(NOW), [since2025]))
        .then([claimedAs(COMPANY, [judgement('company-existing', 'company', since2025)])]);
      expect(refusalOf(clientDecider, [after], claim(asCompany(NOW), [since2025])).code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
    });

    it('the distributor keeps its own existing client, even a key account', () => {
      const own = registered(D1, keyAccount({ relationships: [{ side: D1, since: '2024-03-01' }] }));
      spec
        .given([own])
        .when(claim(asDistributor(NOW)))
        .then([claimedAs(D1, [judgement('distributor-existing', 'distributor', D1_POLICY)])]);
      expect(refusalOf(clientDecider, [own], claim(asCompany(NOW), [D1_POLICY])).details).toMatchObject({
        ruleId: 'distributor-existing',
        policyId: 'd-1-2026',
      });
    });

    it('"the distributor" is the policy’s distributor: another distributor’s relationship does not count', () => {
      const d2Client = registered(D2, keyAccount({ relationships: [{ side: D2, since: '2024-03-01' }] }));
      // Under d-1's policy the client is new to both d-1 and the company: the key-account rule decides.
      spec
        .given([d2Client])
        .when(claim(asCompany(NOW), [D1_POLICY]))
        .then([claimedAs(COMPANY, [judgement('key-accounts', 'company', D1_POLICY)])]);
      // Under d-2's own policy the relationship is d-2's: it keeps the client.
      spec
        .given([d2Client])
        .when(claim(asDistributor(NOW, 'd-2'), [D2_POLICY]))
        .then([claimedAs(D2, [judgement('distributor-existing', 'distributor', D2_POLICY)])]);
    });

    it('a rule for potential clients (existingRelationship: false) skips clients either side already serves', () => {
      const criteria = {
        rules: [{ id: 'new-clients', owner: 'company' as const, when: { existingRelationship: false } }],
        defaultOwner: 'distributor' as const,
      };
      const policy = policyInForce('d-1', { divisionCriteria: criteria });
      spec
        .given([registered(COMPANY)])
        .when(claim(asCompany(NOW), [policy]))
        .then([claimedAs(COMPANY, [judgement('new-clients', 'company', policy)])]);
      const servedByD1 = registered(D1, { relationships: [{ side: D1, since: '2025-01-01' }] });
      spec
        .given([servedByD1])
        .when(claim(asDistributor(NOW), [policy]))
        .then([claimedAs(D1, [judgement('default', 'distributor', policy)])]);
    });
  });

  describe('ownership, once the criteria allow the claim', () => {
    it('claiming a client one already owns records nothing (a retry)', () => {
      spec
        .given([registered(), claimedByD1()])
        .when(claim(asDistributor(LATER)))
        .then([]);
    });

    it('a retry records nothing even when the criteria would now refuse it', () => {
      spec
        .given([registered(), claimedByD1()])
        .when(claim(asDistributor(LATER), []))
        .then([]);
    });

    it('a client must be registered to be claimed', () => {
      const refusal = refusalOf(clientDecider, [], claim(asDistributor(NOW)));
      expect(refusal.code).toBe('CLIENT.NOT_FOUND');
      expect(refusal.kind).toBe('not_found');
      expect(refusal.details).toEqual({ clientId: CLIENT_ID });
    });

    it('a claim the criteria allow on a client the other side owns opens a dispute', () => {
      const given = [registered(COMPANY, keyAccount()), claimedByD1()];
      spec
        .given(given)
        .when(claim(asCompany(LATER), [D1_POLICY], 'disp-9'))
        .then([
          claimContested(
            COMPANY,
            { judgements: [judgement('key-accounts', 'company', D1_POLICY)] },
            D1,
            { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: '2026-02-02T09:00:00.000Z' },
            'disp-9',
            LATER,
          ),
        ]);
    });

    it('a second claim after the first was recorded: the criteria refuse before ownership is looked at', () => {
      // d-1 claimed first; the company's claim on an ordinary client is refused, not contested.
      expect(refusalOf(clientDecider, [registered(), claimedByD1()], claim(asCompany(LATER), [D1_POLICY])).code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
    });

    it('a second distributor whose criteria allow the claim contests the first one’s ownership', () => {
      const events = clientDecider.decide(claim(asDistributor(LATER, 'd-2'), [D2_POLICY], 'disp-2'), fold([registered(), claimedByD1()]));
      expect(events).toEqual([
        claimContested(
          D2,
          { judgements: [judgement('default', 'distributor', D2_POLICY)] },
          D1,
          { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: '2026-02-02T09:00:00.000Z' },
          'disp-2',
          LATER,
        ),
      ]);
    });

    it('the owner’s basis in a contest is the transfer that made it owner', () => {
      const given = [registered(), claimedByD1(), transferredToD2()];
      const [event] = clientDecider.decide(claim(asDistributor(LATER)), fold(given));
      expect(event.type).toBe('ClientClaimContested');
      expect(event.data).toMatchObject({
        owner: D2,
        ownerBasis: { kind: 'transfer', transferId: 'tr-1', cause: { kind: 'owner-initiative' }, at: '2026-02-02T12:00:00.000Z' },
      });
    });

    it('while its contest is open, the claimant may not open another: the refusal names the open dispute', () => {
      const given = [registered(), claimedByD1(), contestByD2('disp-2')];
      const refusal = refusalOf(clientDecider, given, claim(asDistributor(LATER, 'd-2'), [D2_POLICY], 'disp-3'));
      expect(refusal.code).toBe('CLIENT.OWNED_BY_OTHER_PARTY');
      expect(refusal.kind).toBe('conflict');
      expect(refusal.details).toEqual({ disputeId: 'disp-2', owner: D1 });
    });

    it('another claimant’s open contest does not stop a claim', () => {
      const given = [
        registered(COMPANY, keyAccount()),
        claimed(D2, [judgement('default', 'distributor', D2_POLICY)]),
        contestByD1Refused(),
      ];
      const [event] = clientDecider.decide(claim(asCompany(LATER), [D1_POLICY], 'disp-4'), fold(given));
      expect(event).toMatchObject({ type: 'ClientClaimContested', data: { disputeId: 'disp-4', claimant: COMPANY } });
    });

    it('once the dispute is settled, the claimant may contest again', () => {
      const given = [registered(), claimedByD1(), contestByD2('disp-2'), disputeSettled('disp-2', D1)];
      const [event] = clientDecider.decide(claim(asDistributor(LATER, 'd-2'), [D2_POLICY], 'disp-3'), fold(given));
      expect(event).toMatchObject({ type: 'ClientClaimContested', data: { disputeId: 'disp-3', claimant: D2, owner: D1 } });
    });

    it('a released client is claimed like a new one', () => {
      spec
        .given([registered(), claimedByD1(), released(D1, '2026-02-02T10:00:00.000Z')])
        .when(claim(asDistributor(LATER, 'd-2'), [D2_POLICY]))
        .then([claimedAs(D2, [judgement('default', 'distributor', D2_POLICY)], LATER)]);
    });

    it('a contest needs a dispute id', () => {
      const refusal = refusalOf(clientDecider, [registered(), claimedByD1()], claim(asDistributor(LATER, 'd-2'), [D2_POLICY], ''));
      expect(refusal.code).toBe('CLIENT.INVALID_COMMAND');
      expect(refusal.details.errors).toEqual([{ field: 'disputeId', message: 'must be a non-empty string' }]);
    });

    it('volumes in another currency than a rule’s threshold are refused rather than guessed', () => {
      spec
        .given([registered(COMPANY, keyAccount({ annualVolume: { minor: 500_000_000, currency: 'EUR' } }))])
        .when(claim(asCompany(NOW), [D1_POLICY]))
        .thenThrows('POLICY.CURRENCY_MISMATCH');
    });
  });
});

const fold = (events: ClientEvent[]) => events.reduce(clientDecider.evolve, clientDecider.initialState());
const transferredToD2 = (): ClientEvent => ({
  type: 'ClientTransferred',
  data: {
    clientId: CLIENT_ID,
    transferId: 'tr-1',
    from: D1,
    to: D2,
    cause: { kind: 'owner-initiative' },
    transferredAt: '2026-02-02T12:00:00.000Z',
  },
});
const contestByD2 = (disputeId: string): ClientEvent =>
  claimContested(
    D2,
    { judgements: [judgement('default', 'distributor', D2_POLICY)] },
    D1,
    { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: NOW },
    disputeId,
  );
const contestByD1Refused = (): ClientEvent =>
  claimContested(
    D1,
    { judgements: [judgement('distributor-existing', 'distributor', D1_POLICY)] },
    D2,
    { kind: 'claim', basis: { judgements: [judgement('default', 'distributor', D2_POLICY)] }, at: NOW },
    'disp-1',
  );
