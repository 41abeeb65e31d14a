/**
 * `npm run soak`: 10 minutes of mixed load against the real API (SOAK_SECONDS to shorten, SOAK_SAMPLE_SECONDS
 * for the interval, SOAK_CONCURRENCY for the requests in flight), sampling RSS, heap and projection lag
 * every 10 s, then the fitted trend of each and the verdict. Exits 1 on a growth trend. SOAK_JSON=1 also
 * prints the whole result as one `soak-result {…}` line.
 */
import { runSoak } from './soak-run';

async function main(): Promise<void> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  const sampleEverySeconds = Number(process.env.SOAK_SAMPLE_SECONDS ?? 10);
  const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 4);
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'after a forced GC' : 'without forced GC';
  console.log(`soak: ${seconds} s of mixed load, ${concurrency} requests in flight, sampling every ${sampleEverySeconds} s (${gc})`);
  const result = await runSoak({ seconds, sampleEverySeconds, concurrency, log: (l) => console.log(`  ${l}`) });
  for (const t of result.trends) {
    console.log(
      `  trend ${t.series}: slope ${t.slopePerMinute.toFixed(3)}/min, fitted growth ${t.fittedGrowth.toFixed(2)} (tolerance ${t.tolerance.toFixed(1)})` +
        `${t.growing ? ' GROWING' : ''}`,
    );
  }
  console.log(`soak: ${result.requests} requests, ${result.errors} errors → ${result.verdict}`);
  // For the short run under Jest (tools/soak/soak.spec.ts), which reads this process's figures from here.
  if (process.env.SOAK_JSON) console.log(`soak-result ${JSON.stringify(result)}`);
  process.exit(result.verdict === 'no growth trend' && result.errors === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
