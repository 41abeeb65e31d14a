import type { Principal } from '../../shared/auth/principal';
import { disputeFilter } from './dispute-filter';

const company: Principal = { party: 'company', userId: 'ceo' };
const compliance: Principal = { party: 'compliance', userId: 'auditor' };
const acme: Principal = { party: 'distributor', userId: 'jan', distributorId: 'acme' };

describe('disputeFilter', () => {
  it('is empty for the company and compliance without filters: they see every dispute', () => {
    expect(disputeFilter({}, company)).toEqual({});
    expect(disputeFilter({}, compliance)).toEqual({});
  });

  it('always narrows a distributor to its own disputes, whatever party it asks for', () => {
    expect(disputeFilter({}, acme)).toEqual({ partyKeys: 'distributor:acme' });
    expect(disputeFilter({ party: 'distributor:acme' }, acme)).toEqual({ partyKeys: 'distributor:acme' });
    expect(disputeFilter({ party: 'company' }, acme)).toEqual({ partyKeys: { $all: ['distributor:acme', 'company'] } });
    expect(disputeFilter({ party: 'distributor:beta' }, acme)).toEqual({ partyKeys: { $all: ['distributor:acme', 'distributor:beta'] } });
  });

  it('filters by party, status, subject kind and client for the company', () => {
    expect(disputeFilter({ party: 'distributor:beta', status: 'open', subjectKind: 'client', clientId: 'c-1' }, company)).toEqual({
      partyKeys: 'distributor:beta',
      status: 'open',
      subjectKind: 'client',
      clientId: 'c-1',
    });
  });

  it('reads the period as [openedFrom, openedTo), dates at 00:00 UTC and instants in UTC, comparable with the stored ISO strings', () => {
    expect(disputeFilter({ openedFrom: '2026-03-01', openedTo: '2026-04-01T02:00:00+02:00' }, company)).toEqual({
      openedAt: { $gte: '2026-03-01T00:00:00.000Z', $lt: '2026-04-01T00:00:00.000Z' },
    });
    expect(disputeFilter({ openedTo: '2026-04-01' }, company)).toEqual({ openedAt: { $lt: '2026-04-01T00:00:00.000Z' } });
  });
});
