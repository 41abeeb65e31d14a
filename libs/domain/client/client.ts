/**
 * The client decider: who owns a client and why, the hand-over procedure and the shared history.
 * Every ownership change is an event of the client's stream, so ownership at any instant is a fold.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { claimClient } from './claim';
import type { ClientCommand } from './commands';
import type { ClientEvent } from './events';
import { handOverClient, releaseClient } from './hand-over';
import { logInteraction } from './interaction';
import { registerClient } from './register';
import { settleClientDispute } from './settle';
import { evolveClient, initialClientState, type ClientState } from './state';
import { acceptTransfer, contestTransfer, requestTransfer, withdrawTransferRequest } from './transfer';

function decide(command: ClientCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'RegisterClient':
      return registerClient(command, state);
    case 'ClaimClient':
      return claimClient(command, state);
    case 'RequestTransfer':
      return requestTransfer(command, state);
    case 'AcceptTransfer':
      return acceptTransfer(command, state);
    case 'ContestTransfer':
      return contestTransfer(command, state);
    case 'WithdrawTransferRequest':
      return withdrawTransferRequest(command, state);
    case 'HandOverClient':
      return handOverClient(command, state);
    case 'ReleaseClient':
      return releaseClient(command, state);
    case 'LogInteraction':
      return logInteraction(command, state);
    case 'SettleClientDispute':
      return settleClientDispute(command, state);
    default:
      return assertNever(command);
  }
}

export type ClientDecider = Decider<ClientState, ClientCommand, ClientEvent>;

export const clientDecider: ClientDecider = { initialState: initialClientState, decide, evolve: evolveClient };
