/**
 * A data subject's erasure, as a decider: the request is recorded once, whoever asks again. The
 * shredding of the key itself is infrastructure and happens after the event is appended.
 */
import type { Command, Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { DomainError } from '../shared/errors';
import type { PersonalDataEvent } from './events';

export type ErasePersonalData = Command<'ErasePersonalData', { subject: string; reason: string }>;
export type PersonalDataCommand = ErasePersonalData;

export type PersonalDataState = { status: 'held' } | { status: 'erased'; erasedAt: string; reason: string };

/** The company (the controller of the data) and compliance (handling data-subject requests) may erase. */
const MAY_ERASE: ReadonlySet<string> = new Set(['company', 'compliance']);

export const PersonalDataErrors = {
  notAllowed: (party: string) =>
    new DomainError('PERSONAL_DATA.ERASURE_NOT_ALLOWED', 'forbidden', `The ${party} party may not erase personal data`),
  reasonRequired: () => new DomainError('PERSONAL_DATA.REASON_REQUIRED', 'invalid', 'An erasure needs a reason'),
};

export const isErased = (state: PersonalDataState): state is Extract<PersonalDataState, { status: 'erased' }> => state.status === 'erased';

function decide(command: PersonalDataCommand, state: PersonalDataState): PersonalDataEvent[] {
  const { party } = command.context.actor;
  if (!MAY_ERASE.has(party)) throw PersonalDataErrors.notAllowed(party);
  switch (command.type) {
    case 'ErasePersonalData': {
      if (command.data.reason.trim().length === 0) throw PersonalDataErrors.reasonRequired();
      // Already erased: nothing new to record, and no error, so a retry can complete a failed shredding.
      if (isErased(state)) return [];
      const { subject, reason } = command.data;
      return [{ type: 'PersonalDataErased', data: { subject, reason, erasedAt: command.context.now.toISOString() } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: PersonalDataState, event: PersonalDataEvent): PersonalDataState {
  switch (event.type) {
    case 'PersonalDataErased':
      return isErased(state) ? state : { status: 'erased', erasedAt: event.data.erasedAt, reason: event.data.reason };
    default:
      return assertNever(event.type);
  }
}

export const personalDataDecider: Decider<PersonalDataState, PersonalDataCommand, PersonalDataEvent> = {
  initialState: () => ({ status: 'held' }),
  decide,
  evolve,
};
