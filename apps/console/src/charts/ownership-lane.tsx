/**
 * A client's owners over time as one lane: a coloured stretch per owner (the company, each
 * distributor, nobody), and a marker for each claim refused or contested and each dispute step.
 */
import type { HistoryItem } from '../api/types';
import { instant, side } from '../lib/format';
import { CONTEST_KINDS, ownerSegments, sideKey } from '../lib/ownership';

const W = 760;
const H = 86;
const LANE = { top: 30, height: 24, left: 8, right: 8 };
/** Narrower stretches are named in their tooltip and in the timeline below, not on the lane. */
const MIN_LABEL_WIDTH = 110;

export function OwnershipLane({ entries, now }: { entries: HistoryItem[]; now: string }) {
  const segments = ownerSegments(entries, now);
  const start = Date.parse(entries[0]?.at ?? now);
  const span = Math.max(Date.parse(now) - start, 1);
  const width = W - LANE.left - LANE.right;
  const x = (iso: string) => LANE.left + ((Date.parse(iso) - start) / span) * width;
  const owners = [...new Set(segments.map((s) => sideKey(s.owner)))];
  const markers = entries.filter((e) => CONTEST_KINDS.has(e.kind));
  return (
    <svg class="chart lane" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Ownership over time" data-testid="ownership-lane">
      {segments.map((s) => (
        <rect
          class={`owner owner-${owners.indexOf(sideKey(s.owner)) % 6} ${s.owner ? '' : 'owner-none'}`}
          data-owner={sideKey(s.owner)}
          x={x(s.from)}
          y={LANE.top}
          width={Math.max(x(s.to) - x(s.from), 2)}
          height={LANE.height}
        >
          <title>{`${side(s.owner)} from ${instant(s.from)} to ${instant(s.to)}`}</title>
        </rect>
      ))}
      {segments
        .filter((s) => x(s.to) - x(s.from) >= MIN_LABEL_WIDTH)
        .map((s) => (
          <text class="axis" x={x(s.from) + 3} y={LANE.top - 6}>
            {side(s.owner)}
          </text>
        ))}
      {markers.map((m) => (
        <g class={`marker marker-${m.kind}`} transform={`translate(${x(m.at)},${LANE.top + LANE.height + 10})`}>
          <path d="M0,-6 L5,4 L-5,4 Z" />
          <title>{`${m.kind} ${instant(m.at)}${m.disputeId ? ` dispute ${m.disputeId}` : ''}`}</title>
        </g>
      ))}
    </svg>
  );
}
