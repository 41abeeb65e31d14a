import { randomUUID } from 'node:crypto';
import { evolvePolicy, initialPolicyState, policyStream, type PolicyEvent } from '@cl/domain/policy';
import { amended, amendmentSigned, inForceFromJanuary, POLICY_ID, proposed, changedTerms } from '@cl/domain/policy/testing/fixtures';
import { allEventSchemas } from '@cl/domain/schemas';
import type { EventStore, ReadStreamOptions } from '@cl/event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { PolicyLookup } from './policy-lookup';

const metadata = { actor: { party: 'company' as const, userId: 'ceo' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-01-01T00:00:00.000Z' };
const toNew = (e: PolicyEvent) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data as Record<string, unknown>, metadata });

describe('PolicyLookup.policyState', () => {
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  let streamReads: ReadStreamOptions[];
  let lookup: PolicyLookup;

  beforeEach(() => {
    events = new SqliteEventStore(':memory:');
    reads = new SqliteReadStore(':memory:');
    streamReads = [];
    const counting: EventStore = Object.assign(Object.create(events) as EventStore, {
      readStream: (stream: string, options?: ReadStreamOptions) => {
        streamReads.push(options ?? {});
        return events.readStream(stream, options);
      },
    });
    lookup = new PolicyLookup(counting, reads, allEventSchemas);
  });

  afterEach(async () => {
    await events.close();
    await reads.close();
  });

  const append = (list: PolicyEvent[]) => events.appendToStream(policyStream(POLICY_ID), list.map(toNew));
  const foldedFromScratch = (list: PolicyEvent[]) => list.reduce(evolvePolicy, initialPolicyState());

  it('folds what was appended after it was last asked, reading only the new events, to the same state as a fold from scratch', async () => {
    const history = inForceFromJanuary();
    await append(history);
    expect(await lookup.policyState(POLICY_ID)).toEqual(foldedFromScratch(history));

    const amendment = [
      proposed({ amendmentNo: 1, termsVersion: 2, terms: changedTerms(), by: 'company', proposedAt: '2026-03-01T09:00:00.000Z' }),
      amendmentSigned(1, 2, 'company', '2026-03-01T09:00:00.000Z'),
      amendmentSigned(1, 2, 'distributor', '2026-03-02T09:00:00.000Z'),
      amended(1, 2, '2026-04-01T00:00:00.000Z'),
    ];
    await append(amendment);
    const after = await lookup.policyState(POLICY_ID);
    expect(after).toEqual(foldedFromScratch([...history, ...amendment]));
    expect(after.status === 'none' ? undefined : after.currentVersion).toBe(2);
    expect(streamReads.map((o) => o.fromRevision)).toEqual([0, history.length]);
  });

  it('answers "none" for a policy that does not exist, and sees it once it is drafted', async () => {
    expect((await lookup.policyState(POLICY_ID)).status).toBe('none');
    await append(inForceFromJanuary());
    expect((await lookup.policyState(POLICY_ID)).status).toBe('in_force');
  });
});
