import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';

/**
 * The fact that a data subject's personal data was erased (its key shredded). It carries no personal
 * data itself: the subject id is pseudonymous and the reason must not name the person, since this
 * event can never be removed.
 */
export type PersonalDataErased = Event<'PersonalDataErased', { subject: string; reason: string; erasedAt: string }>;

export type PersonalDataEvent = PersonalDataErased;

export const personalDataEventSchemas: EventSchemas = {
  PersonalDataErased: { version: 1 },
};

export const personalDataStream = (subject: string) => `personal-data-${subject}`;
