/** Sign in by pasting a bearer token; the CLI's dev link signs in with one click instead. */
import { useState } from 'preact/hooks';
import { signIn } from '../session';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (e: Event) => {
    e.preventDefault();
    const reason = signIn(token);
    if (reason) setProblem(`That is not a token: ${reason}`);
    else onSignedIn();
  };
  return (
    <main class="sign-in">
      <h1>channel-ledger console</h1>
      <p>Paste the bearer token you use with the API. It is kept in this tab only (sessionStorage) and sent to this server only.</p>
      <form onSubmit={submit}>
        <label for="token">Bearer token</label>
        <textarea id="token" name="token" rows={5} value={token} onInput={(e) => setToken(e.currentTarget.value)} spellcheck={false} />
        <button type="submit">Sign in</button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <p class="hint">
        On a local installation, <code>npm run cli -- token --party company --sub me --link</code> prints a link that opens the console
        signed in.
      </p>
    </main>
  );
}
