/** Two versions of the terms side by side, changed lines marked; unchanged lines hidden unless asked for. */
import { useState } from 'preact/hooks';
import type { PolicyVersion } from '../api/types';
import { diffTerms } from '../lib/terms-diff';

export function TermsDiff({ versions, left, right }: { versions: PolicyVersion[]; left: number; right: number }) {
  const [all, setAll] = useState(false);
  const a = versions.find((v) => v.version === left);
  const b = versions.find((v) => v.version === right);
  if (!a || !b) return <p class="error">Version {a ? right : left} is not in this policy.</p>;
  const rows = diffTerms(a.terms, b.terms);
  const shown = all ? rows : rows.filter((r) => r.change !== 'same');
  return (
    <div class="diff" data-testid="terms-diff">
      <h2>
        Version {left} ↔ version {right}: {rows.filter((r) => r.change !== 'same').length} change(s)
      </h2>
      <label>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> show unchanged terms
      </label>
      <table>
        <thead>
          <tr>
            <th>term</th>
            <th>version {left}</th>
            <th>version {right}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={`diff-${r.change}`}>
              <td class="path">{r.path}</td>
              <td>{r.left ?? ''}</td>
              <td>{r.right ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
