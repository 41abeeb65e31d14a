import { randomUUID } from 'node:crypto';
import { policyDecider, policyStream, type PolicyCommand, type PolicyEvent } from '@cl/domain/policy';
import { sampleTerms } from '@cl/domain/policy/example-terms';
import { fold } from '@cl/domain/shared/types';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { PolicyExpiryService } from './policy-expiry.service';

const LAST_YEAR = new Date().getUTCFullYear() - 1;

/** Writes a policy of last year, in force, as it would have been recorded last year. */
async function policyOfLastYear(t: TestApp, distributorId: string): Promise<void> {
  const now = new Date(Date.UTC(LAST_YEAR, 2, 1));
  const company = { now, actor: { party: 'company' as const, userId: 'c' } };
  const distributor = { now, actor: { party: 'distributor' as const, userId: 'd', distributorId } };
  const terms = sampleTerms(LAST_YEAR);
  const policyId = `${distributorId}-${LAST_YEAR}`;
  const commands: PolicyCommand[] = [
    { type: 'DraftPolicy', data: { distributorId, year: LAST_YEAR, terms }, context: company },
    { type: 'SignPolicy', data: { policyId, termsVersion: 1, termsHash: termsHash(terms) }, context: distributor },
    { type: 'SignPolicy', data: { policyId, termsVersion: 1, termsHash: termsHash(terms) }, context: company },
  ];
  let history: PolicyEvent[] = [];
  for (const c of commands) history = [...history, ...policyDecider.decide(c, fold(policyDecider, history))];
  const meta = { actor: company.actor, correlationId: 'seed', causationId: 'seed', recordedAt: now.toISOString() };
  await t.events.appendToStream(
    policyStream(policyId),
    history.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data as Record<string, unknown>, metadata: meta })),
  );
}

describe('policy expiry at year end (end to end)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await policyOfLastYear(t, 'old');
    await t.settled();
  });
  afterAll(() => t.close());

  it('records PolicyExpired for a policy whose year has ended, once, as the system', async () => {
    const service = t.app.get(PolicyExpiryService);
    expect(await service.expireEnded()).toEqual([`old-${LAST_YEAR}`]);
    const events = await t.events.readStream(`policy-old-${LAST_YEAR}`);
    expect(events[events.length - 1]).toMatchObject({ type: 'PolicyExpired', metadata: { actor: { party: 'system', userId: 'policy-expiry' } } });
    await t.settled();
    expect(await service.expireEnded()).toEqual([]);
    const auth = `Bearer ${await t.token('company')}`;
    expect((await t.http().get(`/policies/old-${LAST_YEAR}`).set('Authorization', auth)).body.status).toBe('expired');
  });
});
