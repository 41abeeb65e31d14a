/** One line about a fact of a client's ownership, for the timeline and the shared history. */
import type { HistoryItem } from '../api/types';
import { side } from '../lib/format';

export function describeOwnership(e: HistoryItem): string {
  switch (e.kind) {
    case 'claimed':
      return `by ${side(e.to)}`;
    case 'transferred':
      return `from ${side(e.from)} to ${side(e.to)} (${e.cause?.kind ?? ''})`;
    case 'released':
      return `by ${side(e.from)}`;
    case 'claim-contested':
      return `${side(e.claimant)} claimed it from ${side(e.owner)}: dispute ${e.disputeId}`;
    case 'claim-refused':
      return `${side(e.claimant)} was refused by the division criteria`;
    case 'dispute-resolved':
      return `dispute ${e.disputeId}: ${e.outcome?.decision ?? ''}`;
    case 'dispute-settled':
      return `dispute ${e.disputeId} settled: owner ${side(e.ownerAfter)}`;
    default:
      return e.disputeId ? `dispute ${e.disputeId}` : '';
  }
}
