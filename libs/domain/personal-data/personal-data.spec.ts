import { deciderSpec } from '../testing/decider-spec';
import type { CommandContext } from '../shared/types';
import { personalDataDecider, type ErasePersonalData } from './personal-data';
import type { PersonalDataErased } from './events';

const now = new Date('2026-05-04T12:00:00.000Z');
const as = (party: 'company' | 'compliance' | 'distributor' | 'system', at = now): CommandContext => ({
  now: at,
  actor: { party, userId: `${party}-user`, ...(party === 'distributor' ? { distributorId: 'acme' } : {}) },
});
const spec = deciderSpec(personalDataDecider);
const erase = (context = as('compliance'), reason = 'Data subject request DSR-42'): ErasePersonalData => ({
  type: 'ErasePersonalData',
  data: { subject: 'contact-7', reason },
  context,
});
const erased: PersonalDataErased = {
  type: 'PersonalDataErased',
  data: { subject: 'contact-7', reason: 'Data subject request DSR-42', erasedAt: now.toISOString() },
};

describe('personal data erasure', () => {
  it('records the erasure requested by compliance', () => {
    spec.given([]).when(erase()).then([erased]);
  });

  it('records the erasure requested by the company', () => {
    spec
      .given([])
      .when(erase(as('company')))
      .then([erased]);
  });

  it('says "already erased" by recording nothing the second time', () => {
    spec
      .given([erased])
      .when(erase(as('company', new Date('2026-06-01T00:00:00.000Z')), 'another reason'))
      .then([]);
  });

  it.each(['distributor', 'system'] as const)('refuses the %s party', (party) => {
    spec
      .given([])
      .when(erase(as(party)))
      .thenThrows('PERSONAL_DATA.ERASURE_NOT_ALLOWED');
  });

  it('refuses a blank reason', () => {
    spec
      .given([])
      .when(erase(as('company'), '  '))
      .thenThrows('PERSONAL_DATA.REASON_REQUIRED');
  });

  it('keeps the first erasure when folding a (never expected) second event', () => {
    const later: PersonalDataErased = {
      type: 'PersonalDataErased',
      data: { ...erased.data, reason: 'later', erasedAt: '2027-01-01T00:00:00.000Z' },
    };
    const state = [erased, later].reduce(personalDataDecider.evolve, personalDataDecider.initialState());
    expect(state).toEqual({ status: 'erased', erasedAt: now.toISOString(), reason: 'Data subject request DSR-42' });
  });
});
