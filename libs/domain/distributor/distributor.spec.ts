import { deciderSpec } from '../testing/decider-spec';
import { distributorDecider, type DistributorCommand } from './distributor';
import type { DistributorEvent } from './events';

const now = new Date('2026-03-01T10:00:00.000Z');
const company = { now, actor: { party: 'company' as const, userId: 'ceo' } };
const spec = deciderSpec(distributorDecider);
const registered: DistributorEvent = {
  type: 'DistributorRegistered',
  data: { distributorId: 'd-1', name: 'Acme', territories: ['PL-MZ'], registeredAt: now.toISOString() },
};
const register = (context = company): DistributorCommand => ({
  type: 'RegisterDistributor',
  data: { distributorId: 'd-1', name: 'Acme', territories: ['PL-MZ', 'PL-MZ'] },
  context,
});

describe('distributor', () => {
  it('registers a new distributor, de-duplicating territories', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('refuses to register twice', () => {
    spec.given([registered]).when(register()).thenThrows('DISTRIBUTOR.ALREADY_REGISTERED');
  });

  it('only the company registers distributors', () => {
    spec
      .given([])
      .when(register({ now, actor: { party: 'distributor', userId: 'x', distributorId: 'd-1' } } as never))
      .thenThrows('DISTRIBUTOR.COMPANY_ONLY');
  });

  it('renames a registered distributor', () => {
    spec
      .given([registered])
      .when({ type: 'RenameDistributor', data: { distributorId: 'd-1', name: 'Acme Sp. z o.o.' }, context: company })
      .then([{ type: 'DistributorRenamed', data: { distributorId: 'd-1', name: 'Acme Sp. z o.o.', renamedAt: now.toISOString() } }]);
  });

  it('renaming to the same name records nothing', () => {
    spec.given([registered]).when({ type: 'RenameDistributor', data: { distributorId: 'd-1', name: 'Acme' }, context: company }).then([]);
  });

  it('cannot rename an unknown distributor', () => {
    spec
      .given([])
      .when({ type: 'RenameDistributor', data: { distributorId: 'd-1', name: 'X' }, context: company })
      .thenThrows('DISTRIBUTOR.NOT_FOUND');
  });
});
