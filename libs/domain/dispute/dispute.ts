/**
 * The dispute decider: one dispute between two sides about a client, a sale or a price. The parties
 * add notes and evidence and propose resolutions; it ends when the other party accepts the latest
 * proposal, when compliance decides, or when the opener withdraws it.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import type { DisputeCommand } from './commands';
import type { DisputeEvent } from './events';
import { openDispute } from './open';
import { addEvidence, addNote } from './record';
import { acceptResolution, decideDispute, proposeResolution, withdrawDispute } from './resolve';
import { evolveDispute, initialDisputeState, type DisputeState } from './state';

function decide(command: DisputeCommand, state: DisputeState): DisputeEvent[] {
  switch (command.type) {
    case 'OpenDispute':
      return openDispute(command, state);
    case 'AddDisputeNote':
      return addNote(command, state);
    case 'AddDisputeEvidence':
      return addEvidence(command, state);
    case 'ProposeResolution':
      return proposeResolution(command, state);
    case 'AcceptResolution':
      return acceptResolution(command, state);
    case 'DecideDispute':
      return decideDispute(command, state);
    case 'WithdrawDispute':
      return withdrawDispute(command, state);
    default:
      return assertNever(command);
  }
}

export const disputeDecider: Decider<DisputeState, DisputeCommand, DisputeEvent> = {
  initialState: initialDisputeState,
  decide,
  evolve: evolveDispute,
};
