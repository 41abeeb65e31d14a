/** The console's frame: sign-in when there is no session, else the navigation, the view and the live panel. */
import { useState } from 'preact/hooks';
import { setCredentials } from './api/http';
import { LiveProvider } from './live';
import { href, navigate, useRoute } from './router';
import { currentSession, signOut, type Session } from './session';
import { LivePanel } from './views/live-panel';
import { SignIn } from './views/sign-in';
import { viewFor } from './views/routes';

const NAV: Array<[string, string]> = [
  ['whoami', 'Who am I'],
  ['policies', 'Policies'],
  ['plan', 'Plan vs actual'],
  ['budget', 'Promotion budget'],
  ['clients', 'Clients'],
  ['disputes', 'Disputes'],
  ['claims', 'Claims register'],
];

export function App() {
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const leave = () => {
    signOut();
    setCredentials(undefined, () => undefined);
    setSession(undefined);
  };
  setCredentials(session?.token, leave);
  if (!session) return <SignIn onSignedIn={() => (setSession(currentSession()), navigate('whoami'))} />;
  return <SignedIn session={session} onSignOut={leave} />;
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute();
  const { claims } = session;
  return (
    <LiveProvider key={session.token}>
      <header class="top">
        <strong>channel-ledger</strong>
        <span class="who" data-testid="signed-in-as">
          {claims.sub} · {claims.party}
          {claims.distributorId ? ` ${claims.distributorId}` : ''}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div class="frame">
        <nav class="side">
          {NAV.map(([path, label]) => (
            <a href={href(path)} class={route[0] === path ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
        <main>{viewFor(route, session)}</main>
        <LivePanel />
      </div>
    </LiveProvider>
  );
}
