/** Disputes the caller may read, newest first; a new one appears as soon as the feed reports it. */
import { useState } from 'preact/hooks';
import { get, query } from '../api/http';
import type { DisputeSummary, Page } from '../api/types';
import { instant, side } from '../lib/format';
import { useLive } from '../live';
import { href } from '../router';
import { useLoad } from '../use-load';
import { Badge, ErrorNote, Loading } from './parts';

export function DisputeList() {
  const [status, setStatus] = useState('');
  const list = useLoad(() => get<Page<DisputeSummary>>(`/disputes${query({ status, limit: 200 })}`), [status]);
  useLive(['Dispute'], list.reload);
  return (
    <section>
      <h1>Disputes</h1>
      <label>
        Status{' '}
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">any</option>
          <option value="open">open</option>
          <option value="resolved">resolved</option>
          <option value="withdrawn">withdrawn</option>
        </select>
      </label>
      <Loading when={list.loading && !list.data} />
      {list.error && <ErrorNote text={list.error} />}
      {list.data && (
        <table data-testid="dispute-list">
          <thead>
            <tr>
              <th>opened</th>
              <th>status</th>
              <th>about</th>
              <th>parties</th>
              <th>origin</th>
              <th>summary</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((d) => (
              <tr data-dispute={d.id}>
                <td>
                  <a href={href('disputes', d.id)}>{instant(d.openedAt)}</a>
                </td>
                <td>
                  <Badge kind={d.status}>{d.status}</Badge>
                </td>
                <td>{subjectText(d.subject)}</td>
                <td>{d.parties.map(side).join(' vs ')}</td>
                <td>{d.originKind}</td>
                <td>{d.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data?.items.length === 0 && <p class="muted">No dispute.</p>}
    </section>
  );
}

export function subjectText(s: DisputeSummary['subject']): string {
  if (s.kind === 'client') return `client ${s.clientId}`;
  if (s.kind === 'sale') return `sale ${s.saleId}`;
  return `price of ${s.sku}${s.clientId ? ` for ${s.clientId}` : ''}`;
}
