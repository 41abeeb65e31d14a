import { DomainError } from '../shared/errors';
import { assignClient, coversTerritory, hadRelationshipBefore, type ClientProfile } from './division';
import type { DivisionCriteria } from './terms';
import { sampleTerms } from './testing/sample-terms';

const pln = (minor: number) => ({ minor, currency: 'PLN' });
const newClient = (over: Partial<ClientProfile> = {}): ClientProfile => ({
  segment: 'retail',
  territory: 'PL-MZ',
  annualVolume: pln(1_000_000),
  existingRelationshipWithCompany: false,
  existingRelationshipWithDistributor: false,
  ...over,
});
const sample = sampleTerms().divisionCriteria;

describe('assignClient', () => {
  it('falls back to the default owner when no rule matches', () => {
    expect(assignClient(sample, newClient())).toEqual({ owner: 'distributor', ruleId: 'default' });
  });

  it('keeps an existing client with the party that already served it', () => {
    expect(assignClient(sample, newClient({ existingRelationshipWithCompany: true }))).toEqual({
      owner: 'company',
      ruleId: 'company-existing',
    });
    expect(assignClient(sample, newClient({ existingRelationshipWithDistributor: true }))).toEqual({
      owner: 'distributor',
      ruleId: 'distributor-existing',
    });
  });

  it('lets the first matching rule win when several match', () => {
    const both = newClient({ existingRelationshipWithCompany: true, existingRelationshipWithDistributor: true, segment: 'key-account' });
    expect(assignClient(sample, both)).toEqual({ owner: 'company', ruleId: 'company-existing' });
  });

  it('requires every condition of a rule: segment and minimum volume', () => {
    const big = pln(100_000_000);
    expect(assignClient(sample, newClient({ segment: 'key-account', annualVolume: big }))).toEqual({
      owner: 'company',
      ruleId: 'key-accounts',
    });
    expect(assignClient(sample, newClient({ segment: 'key-account', annualVolume: pln(99_999_999) })).ruleId).toBe('default');
    expect(assignClient(sample, newClient({ segment: 'retail', annualVolume: big })).ruleId).toBe('default');
  });

  describe('existingRelationship: false means a potential client, known to neither side', () => {
    const criteria: DivisionCriteria = {
      rules: [{ id: 'new-key-accounts', owner: 'company', when: { segment: 'key-account', existingRelationship: false } }],
      defaultOwner: 'distributor',
    };

    it('matches a client nobody served before', () => {
      expect(assignClient(criteria, newClient({ segment: 'key-account' }))).toEqual({ owner: 'company', ruleId: 'new-key-accounts' });
    });

    it('does not hand the company a key account the distributor already serves', () => {
      expect(assignClient(criteria, newClient({ segment: 'key-account', existingRelationshipWithDistributor: true })).ruleId).toBe(
        'default',
      );
    });

    it('does not match the owner’s own existing client either', () => {
      expect(assignClient(criteria, newClient({ segment: 'key-account', existingRelationshipWithCompany: true })).ruleId).toBe('default');
    });
  });

  it('matches a country rule for a client in one of its subdivisions, not the other way round', () => {
    const criteria: DivisionCriteria = {
      rules: [
        { id: 'mazovia', owner: 'company', when: { territory: 'PL-MZ' } },
        { id: 'poland', owner: 'distributor', when: { territory: 'PL' } },
      ],
      defaultOwner: 'company',
    };
    expect(assignClient(criteria, newClient({ territory: 'PL-MZ' })).ruleId).toBe('mazovia');
    expect(assignClient(criteria, newClient({ territory: 'PL-MA' })).ruleId).toBe('poland');
    expect(assignClient(criteria, newClient({ territory: 'PL' })).ruleId).toBe('poland');
    expect(assignClient(criteria, newClient({ territory: 'PLX' })).ruleId).toBe('default');
  });

  it('refuses to compare volumes in different currencies rather than guess an owner', () => {
    const call = () => assignClient(sample, newClient({ segment: 'key-account', annualVolume: { minor: 1, currency: 'EUR' } }));
    expect(call).toThrow(DomainError);
    expect(call).toThrow(
      expect.objectContaining({ code: 'POLICY.CURRENCY_MISMATCH', details: expect.objectContaining({ ruleId: 'key-accounts' }) }),
    );
  });
});

describe('territories and relationships', () => {
  it('coversTerritory: a country covers its subdivisions', () => {
    expect(coversTerritory(['PL-MZ', 'DE'], 'PL-MZ')).toBe(true);
    expect(coversTerritory(['PL-MZ', 'DE'], 'DE-BY')).toBe(true);
    expect(coversTerritory(['PL-MZ', 'DE'], 'PL-MA')).toBe(false);
    expect(coversTerritory(['PL-MZ'], 'PL')).toBe(false);
  });

  it('hadRelationshipBefore: strictly before the policy first took effect', () => {
    const from = '2026-01-01T00:00:00.000Z';
    expect(hadRelationshipBefore('2025-11-03', from)).toBe(true);
    expect(hadRelationshipBefore(from, from)).toBe(false);
    expect(hadRelationshipBefore(undefined, from)).toBe(false);
  });
});
