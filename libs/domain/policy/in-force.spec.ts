import { fold } from '../shared/types';
import { termsInForceOn } from './in-force';
import { policyDecider } from './policy';
import { sampleHash, sampleTerms } from './testing/sample-terms';
import {
  amended,
  amendmentSigned,
  cameIntoForce,
  changedTerms,
  drafted,
  expired,
  inForceFromJanuary,
  POLICY_ID,
  proposed,
  signed,
  terminated,
} from './testing/fixtures';

const JULY = '2026-07-01T00:00:00.000Z';
const amendedFromJuly = [
  ...inForceFromJanuary(),
  proposed({
    amendmentNo: 1,
    termsVersion: 2,
    terms: changedTerms(),
    by: 'company',
    proposedAt: '2026-04-01T00:00:00.000Z',
    requestedEffectiveFrom: JULY,
  }),
  amendmentSigned(1, 2, 'company', '2026-04-01T00:00:00.000Z'),
  amendmentSigned(1, 2, 'distributor', '2026-04-02T00:00:00.000Z'),
  amended(1, 2, JULY),
];
const version = (at: string, events = amendedFromJuly) => termsInForceOn(events, at)?.termsVersion;

describe('termsInForceOn', () => {
  it('nothing is in force before the first effective date', () => {
    expect(termsInForceOn(amendedFromJuly, '2025-12-31T23:59:59.999Z')).toBeUndefined();
    expect(termsInForceOn([drafted()], '2026-03-01')).toBeUndefined();
  });

  it('the signed version governs from its effective date until the amendment takes effect', () => {
    expect(termsInForceOn(amendedFromJuly, '2026-01-01T00:00:00.000Z')).toEqual({
      policyId: POLICY_ID,
      termsVersion: 1,
      termsHash: sampleHash(1),
      terms: sampleTerms(),
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
    expect(version('2026-04-15T00:00:00.000Z')).toBe(1); // agreed in April, but not yet effective
    expect(version('2026-06-30T23:59:59.999Z')).toBe(1);
  });

  it('the amended version governs from its effective date to the end of the year', () => {
    expect(termsInForceOn(amendedFromJuly, JULY)).toEqual({
      policyId: POLICY_ID,
      termsVersion: 2,
      termsHash: sampleHash(2),
      terms: changedTerms(),
      effectiveFrom: JULY,
      amendmentNo: 1,
    });
    expect(version('2026-12-31T23:59:59.999Z')).toBe(2);
  });

  it('nothing is in force after the year, whether or not the expiry was recorded', () => {
    expect(version('2027-01-01T00:00:00.000Z')).toBeUndefined();
    expect(version('2027-01-01T00:00:00.000Z', [...amendedFromJuly, expired()])).toBeUndefined();
    expect(version('2026-12-31T12:00:00.000Z', [...amendedFromJuly, expired()])).toBe(2);
  });

  it('nothing is in force from a termination on; what came before is unchanged', () => {
    const events = [...amendedFromJuly, terminated('2026-10-15T08:00:00.000Z')];
    expect(version('2026-10-15T07:59:59.999Z', events)).toBe(2);
    expect(version('2026-10-15T08:00:00.000Z', events)).toBeUndefined();
    expect(version('2026-02-01T00:00:00.000Z', events)).toBe(1);
  });

  it('an amendment not yet signed by both changes nothing', () => {
    expect(version('2026-08-01T00:00:00.000Z', amendedFromJuly.slice(0, 6))).toBe(1);
  });

  it('a policy signed within the year is in force from the second signature', () => {
    const events = [
      drafted(),
      signed('company', 1, '2026-03-15T10:00:00.000Z'),
      signed('distributor', 1, '2026-03-15T12:30:00.000Z'),
      cameIntoForce(1, '2026-03-15T12:30:00.000Z'),
    ];
    expect(version('2026-03-15T12:29:59.999Z', events)).toBeUndefined();
    expect(version('2026-03-15T12:30:00.000Z', events)).toBe(1);
  });

  it('accepts a folded state, a Date or a date string; an unreadable date has no terms', () => {
    const state = fold(policyDecider, amendedFromJuly);
    expect(termsInForceOn(state, new Date('2026-08-01T00:00:00.000Z'))?.termsVersion).toBe(2);
    expect(termsInForceOn(state, '2026-03-01')?.termsVersion).toBe(1);
    expect(termsInForceOn(state, 'yesterday')).toBeUndefined();
    expect(termsInForceOn(state, '2026-08-01T00:00:00')).toBeUndefined(); // no offset: ambiguous
    expect(termsInForceOn({ status: 'none' }, '2026-03-01')).toBeUndefined();
  });
});
