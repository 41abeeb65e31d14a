/** One policy: its terms, every version and who signed it when, the in-force timeline and the amendments. */
import { useState } from 'preact/hooks';
import { get } from '../api/http';
import type { Policy, PolicyVersion } from '../api/types';
import { instant, money, percent } from '../lib/format';
import { useLive } from '../live';
import { useLoad } from '../use-load';
import { Badge, ErrorNote, Loading } from './parts';
import { TermsDiff } from './terms-diff';

export function PolicyDetail({ id }: { id: string }) {
  const policy = useLoad(() => get<Policy>(`/policies/${encodeURIComponent(id)}`), [id]);
  useLive(['Policy'], policy.reload, (e) => e.stream === `policy-${id}`);
  const [compare, setCompare] = useState<[number, number]>();
  const p = policy.data;
  return (
    <section>
      <h1>Policy {id}</h1>
      <Loading when={policy.loading && !p} />
      {policy.error && <ErrorNote text={policy.error} />}
      {p && (
        <>
          <p>
            <Badge kind={p.status}>{p.status.replace('_', ' ')}</Badge> distributor {p.distributorId}, {p.year}, terms version{' '}
            {p.currentVersion}
            {p.termination && ` — terminated ${instant(p.termination.terminatedAt)} by ${p.termination.party}: ${p.termination.reason}`}
          </p>
          <TermsSummary version={p.versions.find((v) => v.version === p.currentVersion)!} />
          <Versions versions={p.versions} />
          <h2>In force</h2>
          <ol data-testid="in-force">
            {p.inForce.map((f) => (
              <li>
                version {f.termsVersion} from {instant(f.effectiveFrom)}
                {f.amendmentNo ? ` (amendment ${f.amendmentNo})` : ''}
              </li>
            ))}
          </ol>
          <h2>Amendments</h2>
          {p.amendments.length === 0 && <p class="muted">None.</p>}
          <table data-testid="amendments">
            <tbody>
              {p.amendments.map((a) => (
                <tr>
                  <td>#{a.amendmentNo}</td>
                  <td>
                    <Badge kind={a.status}>{a.status}</Badge>
                  </td>
                  <td>
                    proposed by {a.proposedBy.userId} ({a.proposedBy.party}) {instant(a.proposedAt)}
                  </td>
                  <td>{a.signatures.map((s) => `${s.party} ${s.userId} signed ${instant(s.signedAt)}`).join('; ') || 'unsigned'}</td>
                  <td>{a.effectiveFrom ? `in force from ${instant(a.effectiveFrom)}` : ''}</td>
                  <td>
                    <button type="button" onClick={() => setCompare([a.baseVersion, a.termsVersion])}>
                      Compare v{a.baseVersion} ↔ v{a.termsVersion}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {compare && <TermsDiff versions={p.versions} left={compare[0]} right={compare[1]} />}
        </>
      )}
    </section>
  );
}

function Versions({ versions }: { versions: PolicyVersion[] }) {
  return (
    <>
      <h2>Versions and signatures</h2>
      <table data-testid="versions">
        <thead>
          <tr>
            <th>version</th>
            <th>origin</th>
            <th>created</th>
            <th>terms hash</th>
            <th>signed</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{v.origin === 'amendment' ? `amendment ${v.amendmentNo}` : 'draft'}</td>
              <td>
                {v.createdBy.userId} ({v.createdBy.party}) {instant(v.createdAt)}
              </td>
              <td class="hash" title={v.termsHash}>
                {v.termsHash.slice(0, 19)}…
              </td>
              <td>
                {v.signatures.length === 0 && <span class="muted">not signed</span>}
                {v.signatures.map((s) => (
                  <div>
                    {s.party} {s.userId}, {instant(s.signedAt)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TermsSummary({ version }: { version: PolicyVersion }) {
  const t = version.terms;
  const promotion = t.promotion as { budgetBp: number; funding: { companyBp: number; distributorBp: number } } | undefined;
  const floors = (t.priceFloors as Array<{ sku: string; minUnitPrice: { minor: number; currency: string } }>) ?? [];
  return (
    <>
      <h2>Terms (version {version.version})</h2>
      <dl class="facts" data-testid="terms">
        <dt>territories</dt>
        <dd>{t.territories.join(', ')}</dd>
        <dt>bonus</dt>
        <dd>
          {t.bonus.mode}: {t.bonus.tiers.map((tier) => `from ${percent(tier.thresholdBp)} of plan → ${percent(tier.rateBp)}`).join('; ')}
        </dd>
        {promotion && (
          <>
            <dt>promotion budget</dt>
            <dd>
              {percent(promotion.budgetBp)} of the planned volume, funded {percent(promotion.funding.companyBp)} company /{' '}
              {percent(promotion.funding.distributorBp)} distributor
            </dd>
          </>
        )}
        <dt>price floors</dt>
        <dd>{floors.map((f) => `${f.sku} ${money(f.minUnitPrice.minor, f.minUnitPrice.currency)}`).join('; ')}</dd>
        <dt>hand-over</dt>
        <dd>{t.handOverDays} days</dd>
      </dl>
    </>
  );
}
