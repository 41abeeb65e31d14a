/** The shared client history: every fact either side recorded, in log order. */
import type { HistoryItem } from '../api/types';
import { actor, instant } from '../lib/format';
import { describeOwnership } from './ownership-text';

export function HistoryList({ entries }: { entries: HistoryItem[] }) {
  return (
    <ol class="timeline" data-testid="client-history">
      {entries.map((e) => (
        <li data-kind={e.kind}>
          <time>{instant(e.at)}</time> <strong>{e.kind}</strong> by {actor(e.by)} {detail(e)}
        </li>
      ))}
    </ol>
  );
}

function detail(e: HistoryItem): string {
  if (e.kind === 'interaction') return `— ${e.interactionKind}: ${e.summary ?? ''}`;
  if (e.kind === 'dispute-opened') return `— ${e.summary ?? ''}`;
  const text = describeOwnership(e);
  return text ? `— ${text}` : '';
}
