import { ownerSegments, ownershipEvents, sideKey, type HistoryEntry } from '../src/lib/ownership';

const acme = { party: 'distributor', distributorId: 'acme' } as const;
const company = { party: 'company' } as const;
const entries: HistoryEntry[] = [
  { id: '1', kind: 'registered', at: '2026-01-01T00:00:00.000Z' },
  { id: '2', kind: 'claimed', at: '2026-01-02T00:00:00.000Z', to: acme },
  { id: '3', kind: 'interaction', at: '2026-01-03T00:00:00.000Z' },
  { id: '4', kind: 'transferred', at: '2026-02-01T00:00:00.000Z', to: company },
  { id: '5', kind: 'claim-contested', at: '2026-03-01T00:00:00.000Z', disputeId: 'd' },
  { id: '6', kind: 'released', at: '2026-04-01T00:00:00.000Z' },
];

describe('ownership lane (client view)', () => {
  it('turns claims, transfers and releases into consecutive owners until now', () => {
    expect(ownerSegments(entries, '2026-05-01T00:00:00.000Z')).toEqual([
      { owner: acme, from: '2026-01-02T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
      { owner: company, from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
      { owner: null, from: '2026-04-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' },
    ]);
    expect(ownerSegments(entries.slice(0, 1), '2026-05-01T00:00:00.000Z')).toEqual([]);
  });

  it('lists the changes of owner and the contests, not the rest of the shared history', () => {
    expect(ownershipEvents(entries).map((e) => e.id)).toEqual(['2', '4', '5', '6']);
  });

  it('keys sides as the API does', () => {
    expect([sideKey(acme), sideKey(company), sideKey(null)]).toEqual(['distributor:acme', 'company', 'none']);
  });
});
