/** The latest events of the feed the caller may read, as they are recorded. */
import { actor } from '../lib/format';
import { useLiveFeed } from '../live';

export function LivePanel() {
  const { status, recent } = useLiveFeed();
  return (
    <aside class="live" data-testid="live" data-live={status}>
      <h2>
        Live <span class={`dot dot-${status}`} /> <small>{status}</small>
      </h2>
      {recent.length === 0 && <p class="muted">Events recorded from now on appear here.</p>}
      <ol>
        {recent.map((e) => (
          <li data-type={e.type}>
            <strong>{e.type}</strong>
            <br />
            <small>
              #{e.position} {e.stream} · {actor(e.metadata.actor)}
            </small>
          </li>
        ))}
      </ol>
    </aside>
  );
}
