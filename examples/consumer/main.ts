/**
 * An example downstream consumer of channel-ledger's event feed (README.md beside this file):
 *   npm run example:consumer -- --url http://localhost:3000 --token <jwt> --out events.jsonl
 * It resumes from its checkpoint file, handles each event once, and stops cleanly on SIGINT/SIGTERM.
 */
import { Checkpoint } from './checkpoint';
import { FatalFeedError, FeedFollower } from './follower';
import { parseOptions, USAGE, UsageError, type ConsumerOptions } from './options';
import { JsonLinesSink, PrintSink, type Sink } from './sink';

export async function consume(options: ConsumerOptions, log: (line: string) => void, out: (line: string) => void) {
  const sink: Sink = options.outFile ? new JsonLinesSink(options.outFile) : new PrintSink(out);
  const follower = new FeedFollower({ ...options, log }, Checkpoint.load(options.checkpointFile), sink);
  const stop = () => follower.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await follower.run();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    sink.close();
  }
}

async function main(): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const options = parseOptions(process.argv.slice(2), process.env);
    if (!options) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const summary = await consume(options, log, (line) => process.stdout.write(`${line}\n`));
    log(`handled ${summary.handled} event(s), skipped ${summary.duplicates} duplicate(s); checkpoint at position ${summary.position}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) log(`${error.message}\n${USAGE}`);
    else if (error instanceof FatalFeedError) log(`the feed refused: ${error.message}`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return error instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    () => (process.exitCode = 1),
  );
}
