/**
 * Offline check of an export from `GET /audit/export`: recomputes each event's hash and its link to
 * the previous one, from the genesis hash. Needs nothing but the file (see docs/audit.md).
 */
import type { RecordedEvent } from '../port';
import { checkLink, type LinkProblem } from './hash-chain';

export interface StreamExport {
  stream: string;
  events: RecordedEvent[];
}

export function verifyExport(exported: StreamExport): { ok: true; events: number; headHash: string } | { ok: false; revision: number; problem: LinkProblem } {
  let previous: { revision: number; hash: string } | undefined;
  for (const event of exported.events) {
    const problem = event.stream === exported.stream ? checkLink(event, previous) : 'broken-link';
    if (problem) return { ok: false, revision: event.revision, problem };
    previous = { revision: event.revision, hash: event.metadata.hash! };
  }
  return { ok: true, events: exported.events.length, headHash: previous?.hash ?? '' };
}
