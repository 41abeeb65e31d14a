/**
 * Who the token says you are and what that lets you see. There is no "who am I" route: the claims come
 * from the token itself, and one call proves the API accepts it and shows what it scopes to you.
 */
import { get } from '../api/http';
import type { Distributor, Page, PolicySummary } from '../api/types';
import { secondsLeft } from '../lib/jwt';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { ErrorNote } from './parts';

const MAY_SEE: Record<string, string[]> = {
  company: [
    'every distributor, policy, client, dispute, claim and report',
    'draft policies, sign them and amendments for the company, register and claim clients, open and argue disputes',
    'the whole event feed',
  ],
  distributor: [
    'your own registration, policies, settlements and promotion budget',
    'the clients you own or that lie in your territories, and their shared history',
    'the disputes you are a party to, and the claims you made or that contested your ownership',
    'your part of the event feed',
  ],
  compliance: [
    'everything the company sees, read-only',
    'decide disputes the parties cannot settle (Disputes → a dispute → Resolve)',
    'the claims register with filters and CSV export',
  ],
};

export function WhoAmI({ session }: { session: Session }) {
  const { claims } = session;
  const left = secondsLeft(claims, Date.now());
  const probe = useLoad(() => probeAccess(claims.distributorId), [session.token]);
  return (
    <section>
      <h1>Who am I</h1>
      <dl class="facts" data-testid="whoami">
        <dt>user</dt>
        <dd>{claims.sub}</dd>
        <dt>party</dt>
        <dd data-testid="whoami-party">{claims.party}</dd>
        {claims.distributorId && (
          <>
            <dt>distributor</dt>
            <dd>{claims.distributorId}</dd>
          </>
        )}
        <dt>token expires</dt>
        <dd>{left === undefined ? 'never (the API refuses such a token)' : left > 0 ? `in ${Math.round(left / 60)} min` : 'expired'}</dd>
        {claims.iss && (
          <>
            <dt>issuer</dt>
            <dd>{claims.iss}</dd>
          </>
        )}
      </dl>
      <h2>What you may see and do</h2>
      <ul>
        {MAY_SEE[claims.party].map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h2>The API says</h2>
      {probe.error && <ErrorNote text={probe.error} />}
      {probe.data && (
        <ul data-testid="whoami-probe">
          <li>the token is accepted</li>
          <li>policies you may read: {probe.data.policies}</li>
          {probe.data.distributor && (
            <li>
              {probe.data.distributor.name}, territories {probe.data.distributor.territories.join(', ')}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

async function probeAccess(distributorId: string | undefined) {
  const policies = await get<Page<PolicySummary>>('/policies?limit=1');
  const distributor = distributorId ? await get<Distributor>(`/distributors/${encodeURIComponent(distributorId)}`) : undefined;
  return { policies: policies.total, distributor };
}
