/**
 * Races over HTTP against the real app (embedded stores, in-process projector), all requests of a wave
 * sent at once with Promise.all. The embedded store reads and appends within one turn of the event
 * loop, so concurrent requests would otherwise run one after the other; `slowStreamReads` holds back
 * each read of the streams under test by 15 ms (the real store still answers), so the requests of a
 * wave all decide on the same revision and their appends really collide. Each block prints how many
 * appends met a concurrent write — the proof that the race took place.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import type { PolicyTerms } from '@cl/domain/policy';
import { promotionStream } from '@cl/domain/promotion';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { ClientWorld, distributorsClient, YEAR, type WorldDistributor } from '../clients/testing/client-world';
import { slowStreamReads } from '../testing/slow-stream-reads';

/** Twenty distributors sharing Mazovia: the sample criteria give a small retail client there to any of them. */
const RIVALS: WorldDistributor[] = Array.from({ length: 20 }, (_, i) => ({ id: `rival-${i}`, territories: ['PL-MZ'] }));
const pln = (minor: number) => ({ minor, currency: 'PLN' });
const tally = (statuses: Array<{ status: number; body: { code?: string } }>) =>
  statuses.reduce<Record<string, number>>((acc, r) => {
    const k = `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

const tallyStatus = (statuses: number[]) => tally(statuses.map((status) => ({ status, body: {} })));

let w: ClientWorld;
beforeAll(async () => {
  w = await ClientWorld.start(RIVALS);
}, 60_000);
afterAll(() => w?.close());

describe('100 concurrent claims on one client', () => {
  const races = slowStreamReads(() => w.t.events, 'client-');

  it('record exactly one claim: one 201, the owner’s other claims 200, every other distributor a 409 naming the dispute', async () => {
    const clientId = await w.registerClient(distributorsClient());
    const claims = RIVALS.flatMap((d) => Array.from({ length: 5 }, () => d.id));
    const answers = await Promise.all(claims.map((who) => w.post(who, `/clients/${clientId}/claims`)));
    const types = await w.eventTypes(clientId);
    const winners = answers.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    expect(types.filter((t) => t === 'ClientClaimed')).toHaveLength(1);
    const owner = winners[0].body.owner.distributorId as string;
    claims.forEach((who, i) => {
      const r = answers[i];
      if (r === winners[0]) return;
      if (who === owner) expect(r.status).toBe(200);
      else expect(r.body).toMatchObject({ status: 409, code: 'CLIENT.OWNED_BY_OTHER_PARTY', disputeId: expect.any(String) });
    });
    // Each losing distributor contests once, however many of its claims raced.
    expect(types.filter((t) => t === 'ClientClaimContested')).toHaveLength(RIVALS.length - 1);
    console.log(
      `races/claims: 100 concurrent claims by ${RIVALS.length} distributors → ${JSON.stringify(tally(answers))}; ` +
        `client stream ${JSON.stringify(types.reduce<Record<string, number>>((a, t) => ((a[t] = (a[t] ?? 0) + 1), a), {}))}; ` +
        `${races.conflicts} appends met a concurrent write and were decided again`,
    );
    expect(races.conflicts).toBeGreaterThan(0);
  });
});

describe('50 concurrent promotion spends that together exceed the balance', () => {
  const races = slowStreamReads(() => w.t.events, 'promotion-');
  const terms: PolicyTerms = sampleTerms(YEAR, {
    territories: ['PL-MA'],
    promotion: { budgetBp: 200, funding: { companyBp: 6_000, distributorBp: 4_000 } },
  });
  const BALANCE = 2_400_000; // 12 × PLN 100 000.00 planned × 2 %
  const policyId = `spender-${YEAR}`;

  beforeAll(async () => {
    await w.postExpecting(201, 'company', '/distributors', { id: 'spender', name: 'Spender', territories: ['PL-MA'] });
    await w.postExpecting(201, 'company', '/policies', { distributorId: 'spender', year: YEAR, terms });
    for (const who of ['spender', 'company']) {
      await w.postExpecting(201, who, `/policies/${policyId}/signatures`, { termsVersion: 1, termsHash: termsHash(terms) });
    }
    await w.t.settled();
  });

  const budget = async () => {
    await w.t.settled();
    return (await w.t.http().get(`/policies/${policyId}/promotion`).set('Authorization', await w.auth('company'))).body;
  };

  it('never lets the balance go negative: accepted proposals sum to at most the balance; approvals race without double-counting', async () => {
    expect((await budget()).balance).toEqual(pln(BALANCE));
    // Amounts from PLN 400 to PLN 1 580: about PLN 49 500 asked against PLN 24 000.
    const amounts = Array.from({ length: 50 }, (_, i) => 40_000 + (i % 10) * 13_000 + i * 100);
    const answers = await Promise.all(
      amounts.map((minor, i) =>
        w.post(i % 2 ? 'company' : 'spender', `/policies/${policyId}/promotion/spends`, {
          activity: `Race ${i}`,
          amount: pln(minor),
          evidenceRef: `doc://race/${i}`,
        }),
      ),
    );
    const accepted = answers.flatMap((r, i) => (r.status === 201 ? [{ spendId: r.body.spendId as string, minor: amounts[i], by: i % 2 ? 'company' : 'spender' }] : []));
    for (const r of answers.filter((a) => a.status !== 201)) expect(r.body).toMatchObject({ status: 409, code: 'PROMOTION.INSUFFICIENT_BALANCE' });
    const acceptedSum = accepted.reduce((s, a) => s + a.minor, 0);
    expect(acceptedSum).toBeLessThanOrEqual(BALANCE);
    expect(accepted.length).toBeLessThan(50);
    // A refusal happened only when that amount did not fit what was left at that time, so at the end less than the smallest refused amount is left.
    const refusedMin = Math.min(...answers.flatMap((r, i) => (r.status === 201 ? [] : [amounts[i]])));
    expect(BALANCE - acceptedSum).toBeLessThan(refusedMin);

    // Every accepted spend approved by the other party twice at once: exactly one approval each.
    const approvals = await Promise.all(
      accepted.flatMap((a) => {
        const approver = a.by === 'company' ? 'spender' : 'company';
        return [1, 2].map(() => w.post(approver, `/policies/${policyId}/promotion/spends/${a.spendId}/approval`));
      }),
    );
    for (const r of approvals) expect([201, 409]).toContain(r.status);
    expect(approvals.filter((r) => r.status === 201)).toHaveLength(accepted.length);
    for (const r of approvals.filter((a) => a.status === 409)) expect(r.body.code).toBe('PROMOTION.SPEND_NOT_PENDING');

    const ledger = await w.t.events.readStream(promotionStream(policyId));
    expect(ledger.filter((e) => e.type === 'PromotionSpendProposed')).toHaveLength(accepted.length);
    expect(ledger.filter((e) => e.type === 'PromotionSpendApproved')).toHaveLength(accepted.length);
    const after = await budget();
    expect(after).toMatchObject({ committed: pln(acceptedSum), balance: pln(BALANCE - acceptedSum) });
    expect(after.balance.minor).toBeGreaterThanOrEqual(0);
    console.log(
      `races/promotion: 50 concurrent proposals asking ${amounts.reduce((a, b) => a + b, 0)} against a balance of ${BALANCE} → ` +
        `${JSON.stringify(tally(answers))}, accepted sum ${acceptedSum}, balance left ${after.balance.minor}; ` +
        `${approvals.length} concurrent approvals → ${JSON.stringify(tally(approvals))}; ${races.conflicts} appends met a concurrent write`,
    );
    expect(races.conflicts).toBeGreaterThan(0);
  });
});

/**
 * Policy commands are not re-decided on a concurrent write (a signature is given on the state the
 * signer saw): the loser gets 412 CONCURRENCY.REVISION_MISMATCH and, as a client must, sends again.
 */
async function retryingOn412<R extends { status: number }>(send: () => Promise<R>, first: number[]): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const r = await send();
    if (attempt === 1) first.push(r.status);
    if (r.status !== 412 || attempt === 20) return r;
  }
}

describe('concurrent signatures and amendments on one policy', () => {
  const races = slowStreamReads(() => w.t.events, 'policy-');
  const terms = sampleTerms(YEAR, { territories: ['PL-SL'] });
  const policyId = `signer-${YEAR}`;
  const policyEvents = async () => w.t.events.readStream(`policy-${policyId}`);
  const count = (events: Array<{ type: string }>, type: string) => events.filter((e) => e.type === type).length;

  beforeAll(async () => {
    await w.postExpecting(201, 'company', '/distributors', { id: 'signer', name: 'Signer', territories: ['PL-SL'] });
    await w.postExpecting(201, 'company', '/policies', { distributorId: 'signer', year: YEAR, terms });
  });

  it('records each party’s signature once and the policy in force once, whatever the number of racing signatures', async () => {
    const body = { termsVersion: 1, termsHash: termsHash(terms) };
    const first: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => retryingOn412(() => w.post(i % 2 ? 'company' : 'signer', `/policies/${policyId}/signatures`, body), first)),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(2);
    // The party that signed already, or anyone once both did and the policy came into force.
    for (const r of answers.filter((a) => a.status !== 201)) expect(['409 POLICY.ALREADY_SIGNED', '409 POLICY.ALREADY_IN_FORCE']).toContain(`${r.status} ${r.body.code}`);
    const events = await policyEvents();
    expect(count(events, 'PolicySigned')).toBe(2);
    expect(count(events, 'PolicyCameIntoForce')).toBe(1);
    console.log(
      `races/signatures: 20 concurrent signatures (10 per party), first answers ${JSON.stringify(tallyStatus(first))}, ` +
        `after retrying the 412s → ${JSON.stringify(tally(answers))}`,
    );
  });

  it('accepts one of several racing amendment proposals at a time, each signed once by each party; versions stay contiguous', async () => {
    const rounds = 3;
    for (let round = 1; round <= rounds; round++) {
      const firstProposals: number[] = [];
      const proposals = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          retryingOn412(
            () => w.post(i % 2 ? 'company' : 'signer', `/policies/${policyId}/amendments`, { terms: { ...terms, handOverDays: 20 + round * 10 + i } }),
            firstProposals,
          ),
        ),
      );
      const accepted = proposals.filter((r) => r.status === 201);
      expect(accepted).toHaveLength(1);
      for (const r of proposals.filter((a) => a.status !== 201)) expect(r.body).toMatchObject({ status: 409, code: 'POLICY.AMENDMENT_OPEN' });
      const winner = proposals.indexOf(accepted[0]);
      const amended = { ...terms, handOverDays: 20 + round * 10 + winner };
      expect(accepted[0].headers.location).toBe(`/policies/${policyId}/amendments/${round}`);
      const firstSignatures: number[] = [];
      const signatures = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          retryingOn412(
            () => w.post(i % 2 ? 'company' : 'signer', `/policies/${policyId}/amendments/${round}/signatures`, { termsHash: termsHash(amended) }),
            firstSignatures,
          ),
        ),
      );
      expect(signatures.filter((r) => r.status === 201)).toHaveLength(2);
      for (const r of signatures.filter((a) => a.status !== 201)) expect(r.status).toBe(409);
      console.log(
        `races/amendments round ${round}: 10 concurrent proposals, first answers ${JSON.stringify(tallyStatus(firstProposals))}, ` +
          `finally ${JSON.stringify(tally(proposals))}; 10 concurrent signatures, first answers ${JSON.stringify(tallyStatus(firstSignatures))}, ` +
          `finally ${JSON.stringify(tally(signatures))}`,
      );
    }
    const events = await policyEvents();
    const numbers = events.filter((e) => e.type === 'PolicyAmendmentProposed').map((e) => e.data.amendmentNo);
    expect(numbers).toEqual([1, 2, 3]);
    expect(count(events, 'PolicyAmendmentSigned')).toBe(2 * rounds);
    const amendedEvents = events.filter((e) => e.type === 'PolicyAmended');
    expect(amendedEvents.map((e) => e.data.termsVersion)).toEqual([2, 3, 4]);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    console.log(
      `races/amendments: amendment numbers ${JSON.stringify(numbers)}, PolicyAmended ${amendedEvents.length}, ` +
        `terms versions ${JSON.stringify(amendedEvents.map((e) => e.data.termsVersion))}, stream revisions 0..${events.length - 1} contiguous; ` +
        `${races.conflicts} appends met a concurrent write`,
    );
    expect(races.conflicts).toBeGreaterThan(0);
  });
});
