/**
 * Recording how a dispute about the client ended. Only the dispute-settlement process does this
 * (actor: system), after the dispute stream says so; the client stream just follows.
 */
import { oneOf, text, type Errors } from '../policy/field-checks';
import { sameSide } from '../shared/sides';
import type { SettleClientDispute } from './commands';
import type { ClientEvent } from './events';
import { registeredClient, requireNoErrors, side, systemOnly } from './rules';
import type { ClientState } from './state';

export function settleClientDispute(cmd: SettleClientDispute, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  systemOnly(actor, 'settle a dispute about');
  const { disputeId, resolution, transferId } = cmd.data;
  const errors: Errors = [];
  text(errors, 'disputeId', disputeId);
  oneOf(errors, 'resolution', resolution, ['resolved', 'withdrawn'] as const);
  const clientOwner = cmd.data.clientOwner === undefined ? undefined : side(errors, 'clientOwner', cmd.data.clientOwner);
  requireNoErrors(errors);
  const client = registeredClient(state, cmd.data.clientId);
  // The process manager may deliver the same settlement twice: the second time there is nothing to record.
  if (client.settledDisputeIds.includes(disputeId)) return [];
  const at = now.toISOString();
  const { clientId, owner } = client;
  const ownerAfter = clientOwner ?? owner;
  const settled: ClientEvent = { type: 'ClientDisputeSettled', data: { clientId, disputeId, resolution, ownerAfter, settledAt: at } };
  if (!clientOwner || sameSide(clientOwner, owner)) return [settled];
  const cause = { kind: 'dispute' as const, disputeId };
  return [{ type: 'ClientTransferred', data: { clientId, transferId, from: owner, to: clientOwner, cause, transferredAt: at } }, settled];
}
