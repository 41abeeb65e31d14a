/** A dispute's whole timeline (its audit trail) and, for compliance while it is open, the decision. */
import { get } from '../api/http';
import type { Dispute, DisputeTimelineEntry } from '../api/types';
import { actor, instant, side } from '../lib/format';
import { useLive } from '../live';
import { href } from '../router';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { subjectText } from './disputes';
import { Badge, ErrorNote, Loading } from './parts';
import { ResolveForm } from './resolve-form';

export function DisputeDetail({ id, session }: { id: string; session: Session }) {
  const dispute = useLoad(() => get<Dispute>(`/disputes/${encodeURIComponent(id)}`), [id]);
  useLive(['Dispute'], dispute.reload, (e) => e.data.disputeId === id);
  const d = dispute.data;
  return (
    <section>
      <h1>Dispute {id}</h1>
      <Loading when={dispute.loading && !d} />
      {dispute.error && <ErrorNote text={dispute.error} />}
      {d && (
        <>
          <p data-testid="dispute-status">
            <Badge kind={d.status}>{d.status}</Badge> about{' '}
            {d.clientId ? <a href={href('clients', d.clientId)}>{subjectText(d.subject)}</a> : subjectText(d.subject)}, between{' '}
            {d.parties.map(side).join(' and ')}; opened by {side(d.openedBy)} ({d.originKind}) {instant(d.openedAt)}.
          </p>
          <p>{d.summary}</p>
          {d.resolution && (
            <p data-testid="dispute-resolution">
              Resolved {instant(d.closedAt)} by {d.resolution.by.kind}: {d.resolution.outcome.decision}
              {d.resolution.outcome.clientOwner && ` — the client goes to ${side(d.resolution.outcome.clientOwner)}`}
            </p>
          )}
          <h2>Timeline</h2>
          <ol class="timeline" data-testid="dispute-timeline">
            {d.timeline.map((e) => (
              <li data-kind={e.kind}>
                <time>{instant(e.at)}</time> <strong>{e.kind}</strong> by {actor(e.by)} {said(e)}
              </li>
            ))}
          </ol>
          {session.claims.party === 'compliance' && d.status === 'open' && <ResolveForm dispute={d} onDone={dispute.reload} />}
        </>
      )}
    </section>
  );
}

function said(e: DisputeTimelineEntry): string {
  switch (e.kind) {
    case 'opened':
      return `— ${e.summary ?? ''}`;
    case 'note-added':
      return `— ${e.text ?? ''}`;
    case 'evidence-added':
      return `— ${e.reference ?? ''}: ${e.description ?? ''}`;
    case 'resolution-proposed':
      return `— proposal ${e.proposalNo}: ${e.outcome?.decision ?? ''}`;
    case 'resolved':
      return `— ${e.outcome?.decision ?? ''}${e.outcome?.clientOwner ? ` (client to ${side(e.outcome.clientOwner)})` : ''}`;
    case 'withdrawn':
      return `— ${e.reason ?? ''}`;
  }
}
