/**
 * The two sides of the channel: the company, or one distributor. Ownership and disputes are between
 * sides; compliance and the system act but are never a side.
 */
import type { Actor } from './types';

export type Side = { party: 'company' } | { party: 'distributor'; distributorId: string };

export const COMPANY: Side = { party: 'company' };

/** The side an actor acts for, or undefined for compliance and the system. */
export function sideOf(actor: Actor): Side | undefined {
  if (actor.party === 'company') return COMPANY;
  if (actor.party === 'distributor' && actor.distributorId) return { party: 'distributor', distributorId: actor.distributorId };
  return undefined;
}

/** 'company' or 'distributor:<id>': a stable key for maps, filters and messages. */
export const sideKey = (side: Side): string => (side.party === 'company' ? 'company' : `distributor:${side.distributorId}`);

export const sameSide = (a: Side | null | undefined, b: Side | null | undefined): boolean =>
  !!a && !!b && sideKey(a) === sideKey(b);
