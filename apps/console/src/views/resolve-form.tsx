/** Compliance decides an open dispute: a decision and, for a dispute about a client, who owns it afterwards. */
import { useState } from 'preact/hooks';
import { post } from '../api/http';
import type { Dispute } from '../api/types';
import { side } from '../lib/format';
import { sideKey } from '../lib/ownership';
import { describe } from '../use-load';
import { ErrorNote } from './parts';

export function ResolveForm({ dispute, onDone }: { dispute: Dispute; onDone: () => void }) {
  const [decision, setDecision] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const clientOwner = dispute.parties.find((p) => sideKey(p) === owner);
    try {
      await post(`/disputes/${encodeURIComponent(dispute.id)}/resolution`, {
        outcome: { decision, ...(clientOwner ? { clientOwner } : {}) },
      });
      onDone();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="resolve" onSubmit={submit} data-testid="resolve-form">
      <h2>Resolve (compliance)</h2>
      <label for="decision">Decision</label>
      <textarea
        id="decision"
        name="decision"
        rows={3}
        required
        maxLength={2000}
        value={decision}
        onInput={(e) => setDecision(e.currentTarget.value)}
      />
      {dispute.subjectKind === 'client' && (
        <>
          <label for="owner">The client belongs afterwards to</label>
          <select id="owner" name="owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">(no change of owner)</option>
            {dispute.parties.map((p) => (
              <option value={sideKey(p)}>{side(p)}</option>
            ))}
          </select>
        </>
      )}
      <button type="submit" disabled={busy}>
        Resolve
      </button>
      {error && <ErrorNote text={error} />}
    </form>
  );
}
