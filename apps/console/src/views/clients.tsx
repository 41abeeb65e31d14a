/** The clients the caller may see, searchable by name. */
import { useState } from 'preact/hooks';
import { get, query } from '../api/http';
import type { Client, Page } from '../api/types';
import { instant, side } from '../lib/format';
import { useLive } from '../live';
import { href } from '../router';
import { useLoad } from '../use-load';
import { ErrorNote, Loading } from './parts';

export function ClientList() {
  const [q, setQ] = useState('');
  const list = useLoad(() => get<Page<Client>>(`/clients${query({ q: q.trim(), limit: 200 })}`), [q]);
  useLive(['Client'], list.reload);
  return (
    <section>
      <h1>Clients</h1>
      <label>
        Name contains <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <Loading when={list.loading && !list.data} />
      {list.error && <ErrorNote text={list.error} />}
      {list.data && (
        <table data-testid="client-list">
          <thead>
            <tr>
              <th>client</th>
              <th>territory</th>
              <th>segment</th>
              <th>owner</th>
              <th>since</th>
              <th>open disputes</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr>
                <td>
                  <a href={href('clients', c.id)}>{c.legalName}</a>
                </td>
                <td>{c.territory}</td>
                <td>{c.segment}</td>
                <td>{side(c.owner)}</td>
                <td>{instant(c.ownerSince)}</td>
                <td>{c.openDisputeIds.length || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
