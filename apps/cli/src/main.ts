/**
 * Operator commands: `token` issues a local bearer token; `projections rebuild|status` rebuilds read
 * models from position 0 (aside, then swapped in; queries keep working) or shows their checkpoints;
 * `audit` verifies the hash chains and digests; `demo` loads a realistic past year (see demo/).
 */
import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { LogDigester } from '@cl/event-store/audit/digester';
import { verifyLog } from '@cl/event-store/audit/verifier';
import { verifyExport } from '@cl/event-store/audit/verify-export';
import { allEventSchemas } from '@cl/domain/schemas';
import { allProjections, Projector, type RebuildProgress } from '@cl/projections';
import { ConfigError, validateConfig, type AppConfig } from '../../api/src/config/config.schema';
import { createEventStore, createReadStore } from '../../api/src/infrastructure/stores';
import { loadOrCreateLocalSecret } from '../../api/src/shared/auth/local-secret';
import { issueToken } from '../../api/src/shared/auth/token-verifier';
import { PARTIES, type Party } from '../../api/src/shared/auth/principal';
import { parseArgs, UsageError } from './args';
import { consoleLink, devLinkRefusal } from './console-link';
import { DEMO_USAGE, demoCommand } from './demo/demo.command';

const USAGE = `usage:
  npm run cli -- token --party company|distributor|compliance [--distributor <id>] [--sub <user>] [--expires 12h] [--link]
                                         (--link: print a console sign-in link instead; local dev secret only)
  npm run cli -- projections rebuild [<name>]
  npm run cli -- projections status
  npm run cli -- audit verify            (recompute every hash chain and log digest; exit 1 if broken)
  npm run cli -- audit digest            (record the log digests that are due)
  npm run cli -- audit verify-export <file.json>   (check an export from GET /audit/export offline)
${DEMO_USAGE}`;

async function token(config: AppConfig, flags: Record<string, string>): Promise<void> {
  if (config.JWKS_URL) throw new UsageError('JWKS_URL is set: tokens come from your identity provider, not from this tool');
  const party = flags.party as Party;
  if (!PARTIES.includes(party)) throw new UsageError('--party must be company, distributor or compliance');
  if (party === 'distributor' && !flags.distributor) throw new UsageError('--distributor <id> is required for a distributor token');
  const refusal = flags.link ? devLinkRefusal({ ...config, NODE_ENV: process.env.NODE_ENV }) : undefined;
  if (refusal) throw new UsageError(refusal);
  const secret = config.JWT_SECRET ?? loadOrCreateLocalSecret(config.DATA_DIR).secret;
  const sub = flags.sub ?? `${party}-local`;
  const claims = { party, sub, ...(party === 'distributor' ? { distributorId: flags.distributor } : {}) };
  const jwt = await issueToken(secret, claims, flags.expires ?? '12h', { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  process.stdout.write(`${flags.link ? consoleLink(jwt, config.PORT) : jwt}\n`);
}

async function projections(config: AppConfig, [action, name]: string[]): Promise<void> {
  // A rebuild writes for minutes: its WAL checkpoints run on a worker thread (the other core).
  const service = { backgroundCheckpoints: { onError: (err: Error) => process.stderr.write(`${err.message}\n`) } };
  const [events, reads] = await Promise.all([createEventStore(config), createReadStore(config, service)]);
  try {
    const projector = new Projector(events, reads, allProjections, { schemas: allEventSchemas });
    if (action === 'status') {
      for (const p of allProjections) {
        await reads.registerProjection(p.name, p.collections);
        process.stdout.write(`${JSON.stringify(await reads.status(p.name))}\n`);
      }
      return;
    }
    if (action !== 'rebuild') throw new UsageError(USAGE);
    // All of them from one read of the log (each batch read and upcast once), or the one named.
    await rebuildWithProgress(name ?? 'all projections', (progress) => (name ? projector.rebuild(name, progress) : projector.rebuildAll(progress)));
  } finally {
    await Promise.all([events.close(), reads.close()]);
  }
}

async function rebuildWithProgress(name: string, rebuild: (onProgress: (p: RebuildProgress) => void) => Promise<void>): Promise<void> {
  const bar = new SingleBar({ format: `${name} [{bar}] {value}/{total} positions | {rate} events/s` }, Presets.shades_classic);
  const started = Date.now();
  let last = 0;
  bar.start(1, 0, { rate: 0 });
  await rebuild((p) => {
    last = p.checkpoint;
    bar.setTotal(Math.max(1, p.head));
    bar.update(p.checkpoint, { rate: Math.round(p.eventsPerSecond) });
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${name}: rebuilt to position ${last} in ${seconds.toFixed(1)} s (${Math.round(last / Math.max(seconds, 0.001))} events/s)\n`);
}

async function audit(config: AppConfig, [action, file]: string[]): Promise<void> {
  if (action === 'verify-export') {
    if (!file) throw new UsageError(USAGE);
    const result = verifyExport(JSON.parse(readFileSync(file, 'utf8')));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) process.exitCode = 1;
    return;
  }
  const events = await createEventStore(config);
  try {
    if (action === 'digest') {
      const written = await new LogDigester(events, { interval: config.AUDIT_DIGEST_EVERY }).catchUp();
      process.stdout.write(`${written} digest(s) recorded\n`);
      return;
    }
    if (action !== 'verify') throw new UsageError(USAGE);
    const report = await verifyLog(events, { digestEvery: config.AUDIT_DIGEST_EVERY });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await events.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv, ['force', 'link']);
  const config = validateConfig(process.env);
  switch (positional[0]) {
    case 'token':
      return token(config, flags);
    case 'projections':
      return projections(config, positional.slice(1));
    case 'audit':
      return audit(config, positional.slice(1));
    case 'demo':
      await demoCommand(process.env, flags);
      return;
    default:
      throw new UsageError(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
