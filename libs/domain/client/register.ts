/** Registering a client: either side may, declaring only its own relationship with the client. */
import { isIsoDate } from '../policy/calendar';
import { at, each, money, obj, territory, text, unique, type Errors } from '../policy/field-checks';
import { sameSide, sideKey, type Side } from '../shared/sides';
import type { RegisterClient } from './commands';
import { ClientErrors } from './errors';
import type { ClientEvent, ClientRegistered, Relationship } from './events';
import { actingSide, requireNoErrors, side } from './rules';
import { isRegistered, type ClientState } from './state';
import { normaliseTaxId } from './tax-id';

export const MAX_LEGAL_NAME = 200;
export const MAX_SEGMENT = 64;

export function registerClient(cmd: RegisterClient, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const by = actingSide(actor, 'register');
  // Invalid input is refused as such (422) whatever the client's state: the caller must fix it either way.
  const data = validRegistration(cmd.data, by, now);
  if (isRegistered(state)) throw ClientErrors.alreadyRegistered(state.clientId);
  return [{ type: 'ClientRegistered', data: { ...data, registeredBy: by, registeredAt: now.toISOString() } }];
}

type Registration = Omit<ClientRegistered['data'], 'registeredBy' | 'registeredAt'>;

/** Every field error at once, or the registration as it is stored: trimmed, tax id normalised. */
function validRegistration(d: RegisterClient['data'], by: Side, now: Date): Registration {
  const errors: Errors = [];
  text(errors, 'clientId', d.clientId);
  text(errors, 'legalName', d.legalName, MAX_LEGAL_NAME);
  const taxId = normaliseTaxId(d.taxId);
  if (taxId === null) {
    errors.push({ field: 'taxId', message: 'must be letters and digits (spaces, dashes, dots and slashes aside), at most 32' });
  }
  territory(errors, 'territory', d.territory);
  text(errors, 'segment', d.segment, MAX_SEGMENT);
  money(errors, 'annualVolume', d.annualVolume, { min: 0 });
  const relationships = declaredRelationships(errors, d.relationships, by, now);
  requireNoErrors(errors);
  return {
    clientId: d.clientId,
    legalName: d.legalName.trim(),
    taxId: taxId as string,
    territory: d.territory,
    segment: d.segment.trim(),
    annualVolume: { minor: d.annualVolume.minor, currency: d.annualVolume.currency },
    relationships,
  };
}

/**
 * A side vouches only for its own dealings with the client: the other side's relationship is that
 * side's to declare, since it decides claims under the division criteria.
 */
function declaredRelationships(out: Errors, v: unknown, by: Side, now: Date): Relationship[] {
  const result: Relationship[] = [];
  const today = now.toISOString().slice(0, 10);
  const keys: (string | undefined)[] = [];
  each(out, 'relationships', v, (item, path, i) => {
    if (!obj(out, path, item)) return;
    const declared = side(out, at(path, 'side'), item.side);
    if (declared && !sameSide(declared, by)) {
      out.push({
        field: at(path, 'side'),
        message: `must be your own side (${sideKey(by)}): each side declares only its own relationship`,
      });
    }
    const sinceOk = isIsoDate(item.since) && item.since <= today;
    if (!sinceOk) out.push({ field: at(path, 'since'), message: `must be a date (YYYY-MM-DD) not after ${today}` });
    if (declared) keys[i] = sideKey(declared);
    if (declared && sinceOk) result.push({ side: declared, since: item.since as string });
  });
  unique(out, 'relationships', keys, 'side');
  return result;
}
