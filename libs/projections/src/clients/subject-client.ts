import type { DisputeSubject } from '@cl/domain/dispute/events';

/** The client a dispute is about or concerns (a sale or price dispute may name one), if any. */
export const subjectClientId = (subject: DisputeSubject): string | undefined =>
  'clientId' in subject ? subject.clientId : undefined;
