/** Claim the client for the caller's side, and say what the API answered (claimed, refused, contested). */
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api/http';
import { side } from '../lib/format';
import type { Side } from '../lib/ownership';
import { href } from '../router';
import { describe } from '../use-load';

type Outcome = { kind: 'claimed' | 'owned' } | { kind: 'contested'; disputeId: string; owner: Side } | { kind: 'failed'; text: string };

export function ClaimAction({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const claim = async () => {
    setBusy(true);
    try {
      const res = await post(`/clients/${encodeURIComponent(clientId)}/claims`);
      setOutcome({ kind: res.status === 201 ? 'claimed' : 'owned' });
    } catch (error) {
      const p = error instanceof ApiError ? error.problem : undefined;
      if (p?.code === 'CLIENT.OWNED_BY_OTHER_PARTY')
        setOutcome({ kind: 'contested', disputeId: String(p.disputeId), owner: p.owner as Side });
      else setOutcome({ kind: 'failed', text: describe(error) });
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <div class="action">
      <button type="button" onClick={claim} disabled={busy} data-testid="claim">
        Claim this client
      </button>
      <span role="status" data-testid="claim-outcome">
        {outcome?.kind === 'claimed' && 'Claimed: the client is yours.'}
        {outcome?.kind === 'owned' && 'You already own this client.'}
        {outcome?.kind === 'contested' && (
          <>
            {/* Past tense: the dispute may since have moved the client, and the panel above shows the owner now. */}
            Your claim found {side(outcome.owner)} owning this client and opened dispute{' '}
            <a href={href('disputes', outcome.disputeId)}>{outcome.disputeId}</a>.
          </>
        )}
        {outcome?.kind === 'failed' && <span class="error">{outcome.text}</span>}
      </span>
    </div>
  );
}
