/** The claims register with its filters, and the same page as CSV (fetched with the token, saved as a file). */
import { useState } from 'preact/hooks';
import { downloadCsv, get, query } from '../api/http';
import type { ClaimEntry, Page } from '../api/types';
import { instant, side } from '../lib/format';
import { useLive } from '../live';
import { href } from '../router';
import { describe, useLoad } from '../use-load';
import { Badge, ErrorNote, Loading } from './parts';

const EMPTY = { clientId: '', party: '', outcome: '', from: '', to: '' };
type Filters = typeof EMPTY;

export function ClaimsRegister() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [exportError, setExportError] = useState<string>();
  const path = `/claims${query({ ...filters, limit: 200 })}`;
  const page = useLoad(() => get<Page<ClaimEntry>>(path), [path]);
  useLive(['ClientClaim', 'ClientDispute', 'ClientTransferred', 'ClientReleased'], page.reload);
  const field = (name: keyof Filters) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: e.currentTarget.value });
  const exportCsv = () =>
    downloadCsv(path, 'claims.csv').then(
      () => setExportError(undefined),
      (e) => setExportError(describe(e)),
    );
  return (
    <section>
      <h1>Claims register</h1>
      <form class="filters" onSubmit={(e) => (e.preventDefault(), setFilters(draft))} data-testid="claims-filters">
        <label>
          client <input name="clientId" value={draft.clientId} onInput={field('clientId')} />
        </label>
        <label>
          party <input name="party" placeholder="company or distributor:<id>" value={draft.party} onInput={field('party')} />
        </label>
        <label>
          outcome{' '}
          <select name="outcome" value={draft.outcome} onChange={field('outcome')}>
            <option value="">any</option>
            <option value="claimed">claimed</option>
            <option value="refused">refused</option>
            <option value="disputed">disputed</option>
          </select>
        </label>
        <label>
          from <input name="from" type="date" value={draft.from} onInput={field('from')} />
        </label>
        <label>
          to <input name="to" type="date" value={draft.to} onInput={field('to')} />
        </label>
        <button type="submit">Filter</button>
        <button type="button" onClick={exportCsv} data-testid="export-csv">
          Export CSV
        </button>
      </form>
      {exportError && <ErrorNote text={exportError} />}
      <Loading when={page.loading && !page.data} />
      {page.error && <ErrorNote text={page.error} />}
      {page.data && <ClaimsTable page={page.data} />}
    </section>
  );
}

function ClaimsTable({ page }: { page: Page<ClaimEntry> }) {
  return (
    <>
      <p class="muted">
        {page.items.length} of {page.total} claim(s)
      </p>
      <table data-testid="claims-table">
        <thead>
          <tr>
            <th>at</th>
            <th>client</th>
            <th>claimant</th>
            <th>outcome</th>
            <th>dispute</th>
            <th>owner then</th>
            <th>what came of it</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((c) => (
            <tr data-claim={c.id}>
              <td>{instant(c.at)}</td>
              <td>
                <a href={href('clients', c.clientId)}>{c.clientLegalName ?? c.clientId}</a>
              </td>
              <td>{side(c.claimant)}</td>
              <td>
                <Badge kind={c.outcome}>{c.outcome}</Badge>
              </td>
              <td>{c.disputeId && <a href={href('disputes', c.disputeId)}>{c.disputeId.slice(0, 8)}</a>}</td>
              <td>{c.ownerAtTheTime ? side(c.ownerAtTheTime) : ''}</td>
              <td>{c.resolution ? `${c.resolution.resolution}: ${c.resolution.granted ? 'granted' : 'not granted'}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
