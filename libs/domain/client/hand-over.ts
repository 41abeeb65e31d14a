/** The owner's own moves: handing the client to the other side unasked, or giving it up. */
import type { Errors } from '../policy/field-checks';
import { sameSide } from '../shared/sides';
import type { HandOverClient, ReleaseClient } from './commands';
import { ClientErrors } from './errors';
import type { ClientEvent } from './events';
import { actingSide, registeredClient, requireOwner, requireReason, side, validReason } from './rules';
import type { ClientState } from './state';

export function handOverClient(cmd: HandOverClient, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const actingAs = actingSide(actor, 'hand over');
  const errors: Errors = [];
  const to = side(errors, 'to', cmd.data.to);
  validReason(errors, cmd.data.reason);
  if (!to || errors.length > 0) throw ClientErrors.invalidCommand(errors);
  const { reason } = cmd.data;
  const client = registeredClient(state, cmd.data.clientId);
  const from = requireOwner(client, actingAs, 'hand it over');
  if (sameSide(to, from)) throw ClientErrors.alreadyOwner(from);
  const { transferId } = cmd.data;
  return [
    {
      type: 'ClientTransferred',
      data: {
        clientId: client.clientId,
        transferId,
        from,
        to,
        cause: { kind: 'owner-initiative' },
        reason,
        transferredAt: now.toISOString(),
      },
    },
  ];
}

export function releaseClient(cmd: ReleaseClient, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const actingAs = actingSide(actor, 'release');
  const reason = requireReason(cmd.data.reason);
  const client = registeredClient(state, cmd.data.clientId);
  const from = requireOwner(client, actingAs, 'release it');
  return [{ type: 'ClientReleased', data: { clientId: client.clientId, from, reason, releasedAt: now.toISOString() } }];
}
