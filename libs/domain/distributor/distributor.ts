/** A distributor: a legal party with territories. Territories change only through a policy (a later area). */
import type { Command, Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { DomainError } from '../shared/errors';
import type { DistributorEvent } from './events';

export type RegisterDistributor = Command<'RegisterDistributor', { distributorId: string; name: string; territories: string[] }>;
export type RenameDistributor = Command<'RenameDistributor', { distributorId: string; name: string }>;
export type DistributorCommand = RegisterDistributor | RenameDistributor;

export type DistributorState =
  | { status: 'unregistered' }
  | { status: 'registered'; id: string; name: string; territories: string[] };

export const DistributorErrors = {
  alreadyRegistered: (id: string) =>
    new DomainError('DISTRIBUTOR.ALREADY_REGISTERED', 'conflict', `Distributor ${id} is already registered`, { distributorId: id }),
  notFound: (id: string) => new DomainError('DISTRIBUTOR.NOT_FOUND', 'not_found', `Distributor ${id} does not exist`, { distributorId: id }),
  companyOnly: () => new DomainError('DISTRIBUTOR.COMPANY_ONLY', 'forbidden', 'Only the company registers and renames distributors'),
};

function decide(command: DistributorCommand, state: DistributorState): DistributorEvent[] {
  if (command.context.actor.party !== 'company') throw DistributorErrors.companyOnly();
  const at = command.context.now.toISOString();
  switch (command.type) {
    case 'RegisterDistributor': {
      if (state.status === 'registered') throw DistributorErrors.alreadyRegistered(state.id);
      const { distributorId, name, territories } = command.data;
      return [{ type: 'DistributorRegistered', data: { distributorId, name, territories: [...new Set(territories)].sort(), registeredAt: at } }];
    }
    case 'RenameDistributor': {
      if (state.status !== 'registered') throw DistributorErrors.notFound(command.data.distributorId);
      if (state.name === command.data.name) return [];
      return [{ type: 'DistributorRenamed', data: { distributorId: state.id, name: command.data.name, renamedAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: DistributorState, event: DistributorEvent): DistributorState {
  switch (event.type) {
    case 'DistributorRegistered':
      return { status: 'registered', id: event.data.distributorId, name: event.data.name, territories: [...event.data.territories] };
    case 'DistributorRenamed':
      return state.status === 'registered' ? { ...state, name: event.data.name } : state;
    default:
      return assertNever(event);
  }
}

export const distributorDecider: Decider<DistributorState, DistributorCommand, DistributorEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
};
