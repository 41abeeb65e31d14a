import type { Actor } from '@cl/domain/shared/types';

export type Party = 'company' | 'distributor' | 'compliance';
export const PARTIES: readonly Party[] = ['company', 'distributor', 'compliance'];

/** Who is calling, as proven by the token. The actor of every event is built from this, never from a body. */
export interface Principal extends Actor {
  party: Party;
}
