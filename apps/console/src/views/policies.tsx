/** Every policy the caller may read, newest year first. */
import { get } from '../api/http';
import type { Page, PolicySummary } from '../api/types';
import { instant } from '../lib/format';
import { useLive } from '../live';
import { href } from '../router';
import { useLoad } from '../use-load';
import { Badge, ErrorNote, Loading } from './parts';

export function PolicyList() {
  const list = useLoad(() => get<Page<PolicySummary>>('/policies?limit=100'), []);
  useLive(['Policy'], list.reload);
  return (
    <section>
      <h1>Policies</h1>
      <Loading when={list.loading && !list.data} />
      {list.error && <ErrorNote text={list.error} />}
      {list.data && (
        <table data-testid="policy-list">
          <thead>
            <tr>
              <th>policy</th>
              <th>distributor</th>
              <th>year</th>
              <th>status</th>
              <th>terms version</th>
              <th>in force since</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((p) => (
              <tr>
                <td>
                  <a href={href('policies', p.id)}>{p.id}</a>
                </td>
                <td>{p.distributorId}</td>
                <td>{p.year}</td>
                <td>
                  <Badge kind={p.status}>{p.status.replace('_', ' ')}</Badge>
                </td>
                <td>{p.currentVersion}</td>
                <td>{instant(p.firstEffectiveFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data?.items.length === 0 && <p class="muted">No policy you may read.</p>}
    </section>
  );
}
