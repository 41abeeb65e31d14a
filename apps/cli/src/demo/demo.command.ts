/**
 * `npm run cli -- demo [--year <YYYY>] [--data-dir <dir>] [--force]`: loads a realistic past year —
 * two distributors, signed policies, thirty clients, a dispute, a year of sales and settlements,
 * promotion spend — through the command layer of the application, then prints what the reports say
 * and a curl tour of them.
 */
import { NestFactory } from '@nestjs/core';
import { distributorStream } from '@cl/domain/distributor/events';
import { AppModule } from '../../../api/src/app.module';
import { validateConfig, type AppConfig } from '../../../api/src/config/config.schema';
import { createEventStore } from '../../../api/src/infrastructure/stores';
import { UsageError } from '../args';
import { DISTRIBUTORS } from './demo-cast';
import { summarize, tour, type DemoSummary } from './demo-report';
import { defaultDemoYear, lastStepOf, loadDemoYear } from './demo-year';

export const DEMO_USAGE =
  '  npm run cli -- demo [--year <YYYY>] [--data-dir <dir>] [--force]   (load a realistic past year; refuses a log that has events)';

export interface DemoOutput {
  write: (text: string) => void;
}

const stdout: DemoOutput = { write: (text) => process.stdout.write(text) };

export async function demoCommand(
  env: Record<string, string | undefined>,
  flags: Record<string, string>,
  out = stdout,
  now = new Date(),
): Promise<DemoSummary> {
  const config = validateConfig({ ...env, ...(flags['data-dir'] ? { DATA_DIR: flags['data-dir'] } : {}) });
  const year = demoYear(flags.year, now);
  await refuseUnlessEmpty(config, flags.force === 'true');
  const started = Date.now();
  // Warnings and errors only: the demo's own output is the summary.
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ ...env, DATA_DIR: config.DATA_DIR, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' }),
    { logger: ['error', 'warn'] },
  );
  try {
    const commands = await loadDemoYear(app, year, now);
    const summary = await summarize(app, year, commands);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const dataDir = flags['data-dir'] ?? env.DATA_DIR;
    out.write(
      [
        `Demo loaded in ${seconds} s into ${where(config)}.`,
        ...summary.lines,
        '',
        'Tour:',
        ...tour(year, dataDir).map((l) => `  ${l}`),
        '',
      ].join('\n'),
    );
    return summary;
  } finally {
    await app.close();
  }
}

function demoYear(asked: string | undefined, now: Date): number {
  if (asked === undefined) return defaultDemoYear(now);
  const year = /^\d{4}$/.test(asked) ? Number(asked) : NaN;
  if (!(year >= 2001) || lastStepOf(year) > now) {
    throw new UsageError(
      `--year must be a year from 2001 whose demo has already happened (its last period closes on ${year + 1}-01-02): at most ${defaultDemoYear(now)}`,
    );
  }
  return year;
}

const where = (config: AppConfig) => (config.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : config.DATA_DIR);

/**
 * The demo writes a year of backdated facts, recorded at the instants they happened: mixed into a
 * log that already holds real events they would read as history that never happened. So it wants an
 * empty log, unless told otherwise; even then, never a second copy of itself.
 */
async function refuseUnlessEmpty(config: AppConfig, force: boolean): Promise<void> {
  const events = await createEventStore(config);
  try {
    const head = await events.headPosition();
    if (head > 0 && !force) {
      throw new UsageError(
        `${where(config)} already holds events (log position ${head}). The demo records a whole past year of backdated facts, ` +
          'which would mix with them as if they had happened; use an empty --data-dir, or --force to add them anyway.',
      );
    }
    for (const d of Object.keys(DISTRIBUTORS)) {
      if ((await events.readStream(distributorStream(d), { maxCount: 1 })).length > 0) {
        throw new UsageError(`${where(config)} already has distributor ${d}: the demo was loaded here before; use an empty --data-dir.`);
      }
    }
  } finally {
    await events.close();
  }
}
