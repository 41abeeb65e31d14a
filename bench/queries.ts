/**
 * Query latency on the generated data set, through the API's own query handlers (the classes the
 * controllers hand their QueryBus messages to), on the stores the API would open on that DATA_DIR:
 * ChainedEventStore over SQLite for the ownership answer (read from the client's events), the SQLite
 * read store for the reports. HTTP, validation and serialisation are not in these figures (the HTTP
 * benchmark measures them); what is measured is the work a request does against the stores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allEventSchemas } from '@cl/domain/schemas';
import { ChainedEventStore } from '@cl/event-store/audit/chained-event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { allProjections, Projector } from '@cl/projections';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { ClaimsRegisterQuery, ClaimsRegisterHandler } from '../apps/api/src/clients/claims-register/claims-register.handler';
import type { ClaimsRegisterParams } from '../apps/api/src/clients/claims-register/claims-register.dto';
import { ClientOwnershipHandler, ClientOwnershipQuery } from '../apps/api/src/clients/client-ownership/client-ownership.handler';
import { ClientHistoryHandler, ClientHistoryQuery } from '../apps/api/src/clients/client-history/client-history.handler';
import { ClientVisibility } from '../apps/api/src/clients/client-visibility';
import { ListClientsHandler, ListClientsQuery } from '../apps/api/src/clients/list-clients/list-clients.handler';
import type { ListClientsParams } from '../apps/api/src/clients/list-clients/list-clients.dto';
import type { PageParams } from '../apps/api/src/clients/read-params';
import { PriceComplianceHandler, PriceComplianceQuery } from '../apps/api/src/reports/price-compliance/price-compliance.handler';
import type { PriceComplianceParams } from '../apps/api/src/reports/price-compliance/price-compliance.dto';
import { ListSalesHandler, ListSalesQuery } from '../apps/api/src/sales/list-sales/list-sales.handler';
import type { ListSalesParams } from '../apps/api/src/sales/list-sales/list-sales.dto';
import { PlanVsActualHandler, PlanVsActualQuery } from '../apps/api/src/reports/plan-vs-actual/plan-vs-actual.handler';
import type { PlanVsActualParams } from '../apps/api/src/reports/plan-vs-actual/plan-vs-actual.dto';
import type { Principal } from '../apps/api/src/shared/auth/principal';
import type { DatasetInfo } from './dataset';
import { Rng } from './dataset/rng';

const COMPANY: Principal = { party: 'company', userId: 'bench' };
const distributor = (distributorId: string): Principal => ({ party: 'distributor', userId: `${distributorId}-bench`, distributorId });

export interface QueryTiming {
  name: string;
  p50Ms: number;
  p99Ms: number;
  calls: number;
}

/**
 * The read models of the data set in `<dataDir>/read-models.db`, rebuilt unless every projection is
 * already at the log's head. Indexes are declared (and those no longer declared retired) either way, as the projector does.
 */
export async function ensureReadModels(dataDir: string): Promise<void> {
  const events = new SqliteEventStore(join(dataDir, 'events.db'));
  const reads = new SqliteReadStore(join(dataDir, 'read-models.db'));
  try {
    const head = await events.headPosition();
    const behind: string[] = [];
    for (const p of allProjections) {
      await reads.registerProjection(p.name, p.collections);
      await reads.ensureIndexes(p.indexes ?? []);
      await reads.retireIndexes(p.collections, p.indexes ?? []);
      if ((await reads.status(p.name)).checkpoint < head) behind.push(p.name);
    }
    if (behind.length > 0) await new Projector(events, reads, allProjections, { schemas: allEventSchemas }).rebuildAll();
  } finally {
    await reads.close();
    await events.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(name: string, calls: number, run: (i: number) => Promise<unknown>): Promise<QueryTiming> {
  for (let i = 0; i < Math.min(50, calls); i++) await run(i); // warm-up: statements prepared, code optimised
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { name, p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99), calls };
}

/** A first page of 50 of any list's parameters. */
const pageOf = <P extends PageParams>(p: Partial<P> = {}) => ({ limit: 50, offset: 0, ...p }) as P;

/** p50/p99 of each query, `calls` times each with varying arguments (seeded). */
export async function queryTimings(info: DatasetInfo, calls: number): Promise<QueryTiming[]> {
  await ensureReadModels(info.dataDir);
  const events = new ChainedEventStore(new SqliteEventStore(join(info.dataDir, 'events.db')));
  const reads = new SqliteReadStore(join(info.dataDir, 'read-models.db'));
  const rng = new Rng(42);
  const plan = new PlanVsActualHandler(reads);
  const claims = new ClaimsRegisterHandler(reads);
  const visibility = new ClientVisibility(reads);
  const ownership = new ClientOwnershipHandler(events, allEventSchemas, visibility);
  const history = new ClientHistoryHandler(reads, visibility);
  const sales = new ListSalesHandler(reads);
  const clientList = new ListClientsHandler(reads, visibility);
  const compliance = new PriceComplianceHandler(reads, visibility);
  const now = new Date(`${info.year + 1}-06-01T12:00:00.000Z`);
  const clients = [...info.clientsWithHistory, ...info.clientIds];
  const totalClaims = await reads.count('claims_register', {});
  const someDistributor = () => rng.pick(info.distributorIds);
  const results: QueryTiming[] = [];
  try {
    const year = { year: info.year } as PlanVsActualParams;
    results.push(
      await time('plan-vs-actual, company, all 50 distributors × 12 periods', calls, () =>
        plan.execute(new PlanVsActualQuery(year, COMPANY, now)),
      ),
    );
    results.push(
      await time('plan-vs-actual, one distributor (its own view)', calls, () => {
        const d = someDistributor();
        return plan.execute(new PlanVsActualQuery({ ...year, distributorId: d } as PlanVsActualParams, distributor(d), now));
      }),
    );
    const maxOffset = Math.max(0, Math.min(10_000, totalClaims - 50));
    results.push(
      await time('claims register page, company (50 entries, offset 0–10,000)', calls, () =>
        claims.execute(new ClaimsRegisterQuery(pageOf<ClaimsRegisterParams>({ offset: rng.int(0, maxOffset) }), COMPANY)),
      ),
    );
    results.push(
      await time("claims register, one client's claims", calls, () =>
        claims.execute(new ClaimsRegisterQuery(pageOf<ClaimsRegisterParams>({ clientId: rng.pick(clients) }), COMPANY)),
      ),
    );
    results.push(
      await time('claims register page, distributor view (its claims and those against it)', calls, () =>
        claims.execute(new ClaimsRegisterQuery(pageOf<ClaimsRegisterParams>({}), distributor(someDistributor()))),
      ),
    );
    results.push(
      await time('ownership as-of, company (from the client stream)', calls, () => {
        const asOf = new Date(Date.UTC(info.year, rng.int(0, 11), rng.int(1, 28), 12)).toISOString();
        return ownership.execute(new ClientOwnershipQuery(rng.pick(clients), asOf, COMPANY));
      }),
    );
    // The lists read from the big collections (docs/benchmarks.md, "Audit of read paths at 1M events").
    results.push(
      await time('client history page (50 entries of one client)', calls, () =>
        history.execute(new ClientHistoryQuery(rng.pick(clients), pageOf<PageParams>(), COMPANY)),
      ),
    );
    results.push(
      await time('sales list page, company (50 latest sales)', calls, () =>
        sales.execute(new ListSalesQuery(pageOf<ListSalesParams>(), COMPANY)),
      ),
    );
    results.push(
      await time('sales list page, company, one month (period)', calls, () => {
        const period = `${info.year}-${String(rng.int(1, 12)).padStart(2, '0')}`;
        return sales.execute(new ListSalesQuery(pageOf<ListSalesParams>({ period }), COMPANY));
      }),
    );
    const week = () => {
      const from = new Date(Date.UTC(info.year, 0, rng.int(1, 358)));
      return { from: from.toISOString().slice(0, 10), to: new Date(from.getTime() + 6 * 86_400_000).toISOString().slice(0, 10) };
    };
    results.push(
      await time('sales list page, company, one week (from/to)', calls, () =>
        sales.execute(new ListSalesQuery(pageOf<ListSalesParams>(week()), COMPANY)),
      ),
    );
    results.push(
      await time('sales list page, distributor view, one week (from/to)', calls, () =>
        sales.execute(new ListSalesQuery(pageOf<ListSalesParams>(week()), distributor(someDistributor()))),
      ),
    );
    results.push(
      await time("sales list, one client's sales", calls, () =>
        sales.execute(new ListSalesQuery(pageOf<ListSalesParams>({ clientId: rng.pick(clients) }), COMPANY)),
      ),
    );
    results.push(
      await time("sales list page, distributor view (its sales and its clients')", calls, () =>
        sales.execute(new ListSalesQuery(pageOf<ListSalesParams>(), distributor(someDistributor()))),
      ),
    );
    results.push(
      await time('clients list page, company (50 by legal name)', calls, () =>
        clientList.execute(new ListClientsQuery(pageOf<ListClientsParams>(), COMPANY)),
      ),
    );
    results.push(
      await time("price-compliance report, one client's entries", calls, () =>
        compliance.execute(new PriceComplianceQuery(pageOf<PriceComplianceParams>({ clientId: rng.pick(clients) }), COMPANY)),
      ),
    );
  } finally {
    await reads.close();
    await events.close();
  }
  return results;
}

/** The lines `npm run bench` prints. */
export async function queryBenchmark(info: DatasetInfo, calls: number): Promise<string[]> {
  const n = info.events.toLocaleString('en-US');
  return (await queryTimings(info, calls)).map(
    (t) => `query at ${n} events, ${t.name}: p50 ${t.p50Ms.toFixed(2)} ms, p99 ${t.p99Ms.toFixed(2)} ms (${t.calls} calls)`,
  );
}

/** `node -r @swc-node/register bench/queries.ts <dataDir> [calls]`: the query benchmark on a generated data set. */
if (require.main === module) {
  const [dataDir, calls] = process.argv.slice(2);
  const info = { ...(JSON.parse(readFileSync(join(dataDir, 'dataset.json'), 'utf8')) as DatasetInfo), dataDir };
  queryBenchmark(info, Number(calls ?? 500))
    .then((lines) => process.stdout.write(`${lines.join('\n')}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
