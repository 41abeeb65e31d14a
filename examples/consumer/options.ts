/** Command-line options of the example consumer. */
import { parseArgs } from 'node:util';
import type { FollowOptions } from './follower';

export interface ConsumerOptions extends Omit<FollowOptions, 'log'> {
  checkpointFile: string;
  /** Append events to this JSON-lines file; absent: print one line per event. */
  outFile?: string;
}

export const USAGE = `Usage: npm run example:consumer -- --url http://localhost:3000 --token <jwt> [options]
  --token <jwt>          bearer token (or the CL_TOKEN environment variable)
  --checkpoint <file>    where to keep the position and recent ids (default: consumer-checkpoint.json)
  --out <file>           append each event as a JSON line (default: print a line per event)
  --types A,B            only these event types
  --mode auto|sse|json   auto (default): SSE, falling back to JSON pages if the server will not stream
  --until-caught-up      stop once everything readable now is handled
  --stop-after <n>       stop after handling n new events
  --page-size <n>        JSON page size (default 500)
  --poll-ms <n>          JSON mode: wait between polls once caught up (default 2000)
  --idle-timeout-ms <n>  reopen a stream silent for this long (default 60000; the server sends heartbeats)
  --help                 this text`;

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  checkpoint: { type: 'string', default: 'consumer-checkpoint.json' },
  out: { type: 'string' },
  types: { type: 'string', default: '' },
  mode: { type: 'string', default: 'auto' },
  'until-caught-up': { type: 'boolean', default: false },
  'stop-after': { type: 'string', default: '0' },
  'page-size': { type: 'string', default: '500' },
  'poll-ms': { type: 'string', default: '2000' },
  'idle-timeout-ms': { type: 'string', default: '60000' },
  help: { type: 'boolean', default: false },
} as const;

export class UsageError extends Error {}

/** Undefined for --help. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ConsumerOptions | undefined {
  const values = parsed(argv);
  if (values.help) return undefined;
  const token = values.token ?? env.CL_TOKEN;
  if (!values.url || !token) throw new UsageError('--url and --token (or CL_TOKEN) are required');
  if (!['auto', 'sse', 'json'].includes(values.mode)) throw new UsageError('--mode must be auto, sse or json');
  return {
    url: values.url,
    token,
    types: values.types.split(',').filter(Boolean),
    mode: values.mode as ConsumerOptions['mode'],
    untilCaughtUp: values['until-caught-up'],
    stopAfter: count('--stop-after', values['stop-after'], 0),
    pageSize: count('--page-size', values['page-size'], 1),
    pollMs: count('--poll-ms', values['poll-ms'], 1),
    idleTimeoutMs: count('--idle-timeout-ms', values['idle-timeout-ms'], 100),
    checkpointFile: values.checkpoint,
    outFile: values.out,
  };
}

/** Node's own parse errors (an unknown option, a missing value) become usage errors. */
function parsed(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function count(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} must be an integer of at least ${min}`);
  return n;
}
