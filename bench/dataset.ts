/**
 * A realistic data set on the embedded default, for the benchmarks: `distributors` distributors with
 * signed policies for 2025, `clients` clients registered and claimed over January–March, and sales by
 * the clients' owners filling the log up to `events` events, with refusals, cancellations, monthly
 * closes, promotion spends, contested claims and disputes (see dataset/parties.ts and dataset/money.ts).
 *
 * Every event comes from the real deciders and is appended through ChainedEventStore over the SQLite
 * adapter — as stores.ts composes them for the API — into `<dataDir>/events.db`. The same parameters
 * and seed give the same log. A data set already generated with the same parameters is reused: its
 * description (`dataset.json`) is written last, so an interrupted generation is started over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agenda } from './dataset/agenda';
import { clientsOf, distributorsOf, YEAR } from './dataset/cast';
import { Ledger } from './dataset/ledger';
import { LogWriter } from './dataset/log-writer';
import { Money } from './dataset/money';
import { Parties } from './dataset/parties';
import { Rng } from './dataset/rng';

export interface DatasetParams {
  dataDir: string;
  events: number;
  distributors: number;
  clients: number;
  seed: number;
}

export interface DatasetInfo {
  /** Bumped whenever the generator changes what it writes: older data sets are regenerated. */
  generator: number;
  params: Omit<DatasetParams, 'dataDir'>;
  dataDir: string;
  /** Events in the log (= its head position: a fresh SQLite log has gap-free positions). */
  events: number;
  countsByType: Record<string, number>;
  /** Commands the domain refused, which recorded nothing (by error code). */
  refusedCommands: Record<string, number>;
  year: number;
  periods: string[];
  distributorIds: string[];
  policyIds: string[];
  /** A sample of registered clients (the first 200 registered). */
  clientIds: string[];
  /** Clients whose ownership changed after the first claim (hand-overs, decided disputes). */
  clientsWithHistory: string[];
  generatedAt: string;
  generationSeconds: number;
}

// 2: event ids are UUIDv7, as the API now makes them (1: random v4).
const GENERATOR_VERSION = 2;
const INFO_FILE = 'dataset.json';

/** bench/.data/<events>-<distributors>-<clients>-<seed>: where `npm run bench` keeps its data sets (gitignored). */
export function defaultDatasetDir(p: Omit<DatasetParams, 'dataDir'>): string {
  return join(__dirname, '.data', `${p.events}-${p.distributors}-${p.clients}-${p.seed}`);
}

export const DEFAULT_DATASET = { distributors: 50, clients: 20_000, seed: 8 } as const;

export async function generateDataset(params: DatasetParams): Promise<DatasetInfo> {
  const cached = readInfo(params);
  if (cached) return cached;
  const started = Date.now();
  rmSync(params.dataDir, { recursive: true, force: true });
  mkdirSync(params.dataDir, { recursive: true });
  const rng = new Rng(params.seed);
  const writer = new LogWriter(params.dataDir, rng);
  try {
    const info = await generate(params, writer, rng);
    const complete: DatasetInfo = { ...info, generatedAt: new Date().toISOString(), generationSeconds: (Date.now() - started) / 1000 };
    await writer.close();
    writeFileSync(join(params.dataDir, INFO_FILE), `${JSON.stringify(complete, null, 2)}\n`);
    return complete;
  } catch (error) {
    await writer.close();
    throw error;
  }
}

function readInfo(params: DatasetParams): DatasetInfo | undefined {
  const file = join(params.dataDir, INFO_FILE);
  if (!existsSync(file) || !existsSync(join(params.dataDir, 'events.db'))) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as DatasetInfo;
  const same =
    info.generator === GENERATOR_VERSION &&
    info.params.events === params.events &&
    info.params.distributors === params.distributors &&
    info.params.clients === params.clients &&
    info.params.seed === params.seed;
  return same ? { ...info, dataDir: params.dataDir } : undefined;
}

/** What every non-sale part of the year writes, per client and per policy (measured on generated sets, rounded up). */
const overheadOf = (p: DatasetParams) => p.clients * 3.3 + p.distributors * 40 + 100;

async function generate(
  params: DatasetParams,
  writer: LogWriter,
  rng: Rng,
): Promise<Omit<DatasetInfo, 'generatedAt' | 'generationSeconds'>> {
  const salesBudget = params.events - overheadOf(params);
  if (salesBudget < params.events * 0.1) {
    throw new Error(
      `${params.events} events are too few for ${params.clients} clients and ${params.distributors} distributors: ask for at least ${Math.ceil(overheadOf(params) / 0.9)}`,
    );
  }
  const distributors = distributorsOf(params.distributors, salesBudget / 12 / params.distributors, rng);
  const ledger = new Ledger(writer);
  const agenda = new Agenda();
  const parties = new Parties(ledger, agenda, rng, distributors);
  const money = new Money(ledger, agenda, rng, parties, distributors);
  await parties.signPolicies();
  parties.planClients(clientsOf(params.clients, distributors, rng));
  money.planPromotions();
  money.planSaleDisputes();
  // 97% of the budget spread over the months; the evening of 31 December tops the log up to the exact
  // size (nothing else is planned after it but December's closes).
  for (let m = 1; m <= 12; m++) {
    money.planSales(m, Math.floor((salesBudget * 0.97) / 12));
    if (m < 12) money.planCloses(m);
  }
  agenda.plan(Date.UTC(YEAR, 11, 31, 22), async (now) => {
    const target = params.events - distributors.length; // December's closes come last, one event each
    for (let i = 0; writer.written < target; i++) await money.sale(new Date(now.getTime() + i * 10));
    money.planCloses(12);
  });
  await agenda.runAll();
  const registered = parties.registered.map((c) => c.id);
  return {
    generator: GENERATOR_VERSION,
    params: { events: params.events, distributors: params.distributors, clients: params.clients, seed: params.seed },
    dataDir: params.dataDir,
    events: writer.written,
    countsByType: Object.fromEntries(Object.entries(writer.counts).sort()),
    refusedCommands: ledger.refusals.byCode,
    year: YEAR,
    periods: Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`),
    distributorIds: distributors.map((d) => d.id),
    policyIds: distributors.map((d) => d.policyId),
    clientIds: registered.slice(0, 200),
    clientsWithHistory: [...new Set([...parties.handedOver, ...parties.contested])].slice(0, 200),
  };
}

/** `node -r @swc-node/register bench/dataset.ts [events]`: generates (or finds) the default data set of that size. */
if (require.main === module) {
  const events = Number(process.argv[2] ?? 100_000);
  const params = { ...DEFAULT_DATASET, events };
  generateDataset({ ...params, dataDir: process.env.DATA_DIR ?? defaultDatasetDir(params) })
    .then((info) =>
      process.stdout.write(
        `${JSON.stringify({ ...info, clientIds: info.clientIds.length, clientsWithHistory: info.clientsWithHistory.length }, null, 2)}\n`,
      ),
    )
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
