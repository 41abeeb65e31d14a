/**
 * Which terms governed at a given instant: the question claims, sales and the budget ledger ask.
 * Nothing is in force before the first effectiveFrom, at or after the end of the year (whether or not
 * the expiry was recorded yet) or at or after a termination. Between, the latest agreed version whose
 * effectiveFrom is not after the instant governs.
 */
import { fold } from '../shared/types';
import { toMillis, yearEnd } from './calendar';
import type { PolicyEvent } from './events';
import { evolvePolicy, initialPolicyState, isPolicy, type PolicyState } from './state';
import type { PolicyTerms } from './terms';

export interface TermsInForce {
  policyId: string;
  termsVersion: number;
  termsHash: string;
  terms: PolicyTerms;
  effectiveFrom: string;
  /** The amendment that brought this version in force; absent for the originally signed version. */
  amendmentNo?: number;
}

export function termsInForceOn(source: PolicyState | readonly PolicyEvent[], at: Date | string): TermsInForce | undefined {
  const state = isEvents(source) ? fold({ initialState: initialPolicyState, evolve: evolvePolicy }, source) : source;
  const ms = toMillis(at);
  if (!isPolicy(state) || Number.isNaN(ms)) return undefined;
  const end = Math.min(Date.parse(yearEnd(state.year)), state.endedAt ? Date.parse(state.endedAt) : Infinity);
  if (ms >= end) return undefined;
  const entry = [...state.inForce].reverse().find((e) => Date.parse(e.effectiveFrom) <= ms);
  if (!entry) return undefined;
  const terms = state.versions.find((v) => v.version === entry.termsVersion)?.terms;
  if (!terms) return undefined;
  return { policyId: state.policyId, ...entry, terms };
}

const isEvents = (source: PolicyState | readonly PolicyEvent[]): source is readonly PolicyEvent[] => Array.isArray(source);
