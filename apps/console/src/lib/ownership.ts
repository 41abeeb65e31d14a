/**
 * The ownership lane of a client, from its shared history (GET /clients/:id/history): who owned it
 * from when to when, and the contests and disputes along the way.
 */
export interface Side {
  party: 'company' | 'distributor';
  distributorId?: string;
}

/** The fields of a history entry the lane reads; other kinds carry more, which the lane ignores. */
export interface HistoryEntry {
  id: string;
  kind: string;
  at: string;
  to?: Side;
  disputeId?: string;
}

export interface OwnerSegment {
  owner: Side | null;
  from: string;
  to: string;
}

const OWNERSHIP_KINDS = new Set(['claimed', 'transferred', 'released']);
export const CONTEST_KINDS = new Set([
  'claim-refused',
  'claim-contested',
  'transfer-contested',
  'dispute-opened',
  'dispute-resolved',
  'dispute-withdrawn',
  'dispute-settled',
]);

export const sideKey = (side: Side | null | undefined): string =>
  !side ? 'none' : side.party === 'company' ? 'company' : `distributor:${side.distributorId}`;

/** Consecutive owners, from the first change of ownership until `now`; empty before the first claim. */
export function ownerSegments(entries: HistoryEntry[], now: string): OwnerSegment[] {
  const changes = entries
    .filter((e) => OWNERSHIP_KINDS.has(e.kind))
    .map((e) => ({ at: e.at, owner: e.kind === 'released' ? null : (e.to ?? null) }))
    .sort((x, y) => x.at.localeCompare(y.at));
  return changes.map((c, i) => ({ owner: c.owner, from: c.at, to: changes[i + 1]?.at ?? now }));
}

/** The entries the ownership timeline lists: changes of owner, and the claims and disputes about it. */
export const ownershipEvents = (entries: HistoryEntry[]): HistoryEntry[] =>
  entries.filter((e) => OWNERSHIP_KINDS.has(e.kind) || CONTEST_KINDS.has(e.kind));
