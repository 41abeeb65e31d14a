import type { Principal } from '../../shared/auth/principal';

/**
 * Which streams a party may export. The company and compliance see everything; a distributor only
 * streams about itself (later areas add theirs here, next to the entity they bring).
 */
export function canExport(actor: Principal, stream: string): boolean {
  if (actor.party !== 'distributor') return true;
  return stream === `distributor-${actor.distributorId}`;
}
