/**
 * One client: who owns it and why, the ownership timeline (claims, transfers, disputes) drawn as a
 * lane and listed, the shared history both sides write, and the claim action.
 */
import { get, query } from '../api/http';
import type { Client, HistoryItem, Ownership, Page } from '../api/types';
import { OwnershipLane } from '../charts/ownership-lane';
import { actor, instant, side } from '../lib/format';
import { ownershipEvents } from '../lib/ownership';
import { useLive } from '../live';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { ClaimAction } from './claim-action';
import { HistoryList } from './history-list';
import { describeOwnership } from './ownership-text';
import { ErrorNote, Loading } from './parts';

async function loadClient(id: string) {
  const path = `/clients/${encodeURIComponent(id)}`;
  const [client, ownership, history] = await Promise.all([
    get<Client>(path),
    get<Ownership>(`${path}/ownership`),
    get<Page<HistoryItem>>(`${path}/history${query({ limit: 200 })}`),
  ]);
  return { client, ownership, history: history.items };
}

export function ClientDetail({ id, session }: { id: string; session: Session }) {
  const loaded = useLoad(() => loadClient(id), [id]);
  useLive(['Client', 'Dispute'], loaded.reload, (e) => e.stream === `client-${id}` || e.data.clientId === id || hasClient(e.data, id));
  const d = loaded.data;
  return (
    <section>
      <h1>{d?.client.legalName ?? id}</h1>
      <Loading when={loaded.loading && !d} />
      {loaded.error && <ErrorNote text={loaded.error} />}
      {d && (
        <>
          <p data-testid="client-owner">
            Owner: <strong>{side(d.ownership.owner)}</strong>
            {d.ownership.basis && ` since ${instant(d.ownership.since)}, by ${d.ownership.basis.kind}`}
            {d.ownership.basis?.cause?.kind === 'dispute' && ` (dispute ${d.ownership.basis.cause.disputeId})`}
            {d.ownership.madeBy && `, recorded by ${actor(d.ownership.madeBy)}`}. {d.client.territory}, {d.client.segment}.
          </p>
          {session.claims.party !== 'compliance' && <ClaimAction clientId={id} onDone={loaded.reload} />}
          <h2>Ownership timeline</h2>
          <OwnershipLane entries={d.history} now={new Date().toISOString()} />
          <ol class="timeline" data-testid="ownership-timeline">
            {ownershipEvents(d.history).map((e) => (
              <li data-kind={e.kind}>
                <time>{instant(e.at)}</time> <strong>{e.kind}</strong> {describeOwnership(e as HistoryItem)}
              </li>
            ))}
          </ol>
          <h2>Shared history</h2>
          <HistoryList entries={d.history} />
        </>
      )}
    </section>
  );
}

const hasClient = (data: Record<string, unknown>, id: string) => (data.subject as { clientId?: string } | undefined)?.clientId === id;
