/**
 * Recomputes every stream's hash chain and the rolling log hash in one pass over `$all`, and checks
 * them against the recorded digests. Stops at the first broken link and says where it is.
 */
import type { EventStore } from '../port';
import { DIGEST_STREAM, isDigest, rollLogHash, type LogDigest } from './digester';
import { checkLink, GENESIS_HASH, type LinkProblem } from './hash-chain';

export type Breakage = LinkProblem | 'digest-mismatch' | 'log-truncated' | 'digests-missing';

export interface VerifyReport {
  ok: boolean;
  checkedEvents: number;
  streams: number;
  digestsChecked: number;
  headPosition: number;
  firstBroken?: { problem: Breakage; position?: number; stream?: string; revision?: number; detail: string };
}

const details: Record<Breakage, string> = {
  'hash-mismatch': 'the event was changed after it was recorded: its content no longer matches its hash',
  'broken-link': "the event does not follow its stream's previous event: one was inserted, removed or reordered",
  'revision-gap': 'the stream skips or repeats a revision: an event was removed, inserted or reordered',
  unchained: 'the event carries no hash chain',
  'digest-mismatch': 'the log up to this digest differs from what was digested: events were removed, inserted or reordered',
  'log-truncated': 'a digest covers more events than the log now holds: events were removed from the end',
  'digests-missing': 'more events follow the last digest than the digest interval allows: digests were removed',
};

export interface VerifyOptions {
  pageSize?: number;
  /**
   * The digest interval in force. Digests are written every `digestEvery` events (the digester runs a
   * few seconds behind, hence one block of slack): more undigested events than that mean digests were removed.
   */
  digestEvery?: number;
}

export async function verifyLog(store: EventStore, { pageSize = 2000, digestEvery }: VerifyOptions = {}): Promise<VerifyReport> {
  const digests = new Map<number, LogDigest>();
  for (const d of await store.readStream(DIGEST_STREAM)) digests.set((d.data as unknown as LogDigest).eventCount, d.data as unknown as LogDigest);
  const heads = new Map<string, { revision: number; hash: string }>();
  const report: VerifyReport = { ok: true, checkedEvents: 0, streams: 0, digestsChecked: 0, headPosition: 0 };
  let logHash = GENESIS_HASH;
  let rolled = 0;
  const broken = (problem: Breakage, at?: { position: number; stream: string; revision: number }): VerifyReport => ({
    ...report,
    streams: heads.size,
    ok: false,
    firstBroken: { problem, ...at, detail: details[problem] },
  });
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      after = report.headPosition = event.position;
      const problem = checkLink(event, heads.get(event.stream));
      if (problem) return broken(problem, event);
      heads.set(event.stream, { revision: event.revision, hash: event.metadata.hash! });
      report.checkedEvents += 1;
      if (isDigest(event)) continue;
      logHash = rollLogHash(logHash, event);
      rolled += 1;
      const digest = digests.get(rolled);
      if (!digest) continue;
      if (digest.logHash !== logHash || digest.upToPosition !== event.position) return broken('digest-mismatch', event);
      report.digestsChecked += 1;
    }
  }
  if ([...digests.keys()].some((count) => count > rolled)) return broken('log-truncated');
  const lastDigested = Math.max(0, ...digests.keys());
  if (digestEvery && rolled - lastDigested >= 2 * digestEvery) return broken('digests-missing');
  return { ...report, streams: heads.size };
}
