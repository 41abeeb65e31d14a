/**
 * The world the client read specs query. Distributors, their signed policies, compliance's decision
 * on a dispute and everything that happens "now" go through the API. The past of each client is
 * written through the pure client decider (run on the stored stream, appended to the hash-chained
 * store), which lets the specs place every fact at a chosen instant. Reactors do the rest (a
 * contested claim opens a dispute; compliance's decision moves the client).
 *
 *   acme (PL-MZ, PL-MA)   beta (CZ)          instants are days before the scenario started
 *
 *   c-mazovia   PL-MZ  registered 60, acme claims 50, company requests it 40, acme accepts 35, company releases 20
 *   c-krakow    PL-MA  key account: company claims 45, acme requests it 20 (due 6 days ago: overdue)
 *   c-gdansk    PL-PM  no distributor's territory: company claims 44, hands it over to acme 30
 *   c-szczecin  PL-ZP  company claims 41, hands it over to acme 38, acme hands it back 25
 *   c-warsaw    PL-MZ  key account: company claims 43, beta requests it 5 (pending)
 *   c-plock     PL-MZ  company claims 42 (no policy covered it then), acme's claim 15 is contested;
 *                      compliance gives it to acme (now, API)
 *   c-prague    CZ     beta registers and claims it, the company requests it (now, API)
 */
import { randomUUID } from 'node:crypto';
import { clientDecider, clientStream, type ClientCommand, type ClientEvent, type PolicyInForce } from '@cl/domain/client';
import { keyAccount, pln, policyInForce, registration } from '@cl/domain/client/testing/fixtures';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import { fold, type Actor } from '@cl/domain/shared/types';
import type { RecordedEvent } from '@cl/event-store';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { TestApp } from '../../testing/test-app';

export const YEAR = new Date().getUTCFullYear();
const DAY_MS = 24 * 60 * 60 * 1000;
/** The scenario's "now": every past instant is counted back from it. */
export const STARTED = Date.now();
export const daysAgo = (days: number): Date => new Date(STARTED - days * DAY_MS);
export const iso = (days: number): string => daysAgo(days).toISOString();

export const ACME = { id: 'acme', name: 'Acme Distribution', territories: ['PL-MZ', 'PL-MA'] } as const;
export const BETA = { id: 'beta', name: 'Beta Trade', territories: ['CZ'] } as const;
export const acmeSide: Side = { party: 'distributor', distributorId: ACME.id };
export const betaSide: Side = { party: 'distributor', distributorId: BETA.id };

export const company: Actor = { party: 'company', userId: 'anna' };
export const compliance: Actor = { party: 'compliance', userId: 'auditor' };
export const acme: Actor = { party: 'distributor', userId: 'jan', distributorId: ACME.id };
export const beta: Actor = { party: 'distributor', userId: 'eva', distributorId: BETA.id };

export const NAMES = {
  'c-mazovia': 'Mazovia Pumps Sp. z o.o.',
  'c-krakow': 'Krakow Key Foods S.A.',
  'c-gdansk': 'Gdansk Harbour Supplies',
  'c-szczecin': 'Szczecin Ports Sp. z o.o.',
  'c-warsaw': 'Warsaw Key Accounts S.A.',
  'c-plock': 'Plock Mills Sp. z o.o.',
  'c-prague': 'Prague Valves s.r.o.',
} as const;
export type ClientId = keyof typeof NAMES;

export interface Scenario {
  /** Authorization headers by caller: company, compliance, acme, beta. */
  auth: Record<'company' | 'compliance' | 'acme' | 'beta', string>;
  /** What each command decided here appended, labelled `<clientId>:<what>` (claims: `<clientId>:claimed:<userId>`). */
  recorded: Record<string, RecordedEvent[]>;
  /** The id POST /clients/c-prague/transfers generated. */
  pragueRequestId: string;
}

export async function buildScenario(t: TestApp): Promise<Scenario> {
  const auth = {
    company: `Bearer ${await t.token('company', { sub: company.userId })}`,
    compliance: `Bearer ${await t.token('compliance', { sub: compliance.userId })}`,
    acme: `Bearer ${await t.token('distributor', { distributorId: ACME.id, sub: acme.userId })}`,
    beta: `Bearer ${await t.token('distributor', { distributorId: BETA.id, sub: beta.userId })}`,
  };
  const policies = {
    acme: await signedPolicy(t, auth.company, auth.acme, ACME),
    beta: await signedPolicy(t, auth.company, auth.beta, BETA),
  };
  const recorded: Record<string, RecordedEvent[]> = {};
  const client = async (label: string, actor: Actor, days: number, command: Omit<ClientCommand, 'context'>) => {
    recorded[label] = await decideClient(t, actor, daysAgo(days), command);
  };
  const register = (clientId: ClientId, data: Partial<ReturnType<typeof registration>>) =>
    client(`${clientId}:registered`, company, 60, {
      type: 'RegisterClient',
      data: registration({ ...data, clientId, legalName: NAMES[clientId], taxId: `PL-${clientId}` }),
    });
  const claim = (clientId: ClientId, actor: Actor, days: number, inForce: PolicyInForce[]) =>
    client(`${clientId}:claimed:${actor.userId}`, actor, days, { type: 'ClaimClient', data: { clientId, policies: inForce, disputeId: `dsp-${clientId}` } });

  await register('c-mazovia', { territory: 'PL-MZ', segment: 'industrial', annualVolume: pln(50_000_000) });
  await claim('c-mazovia', acme, 50, [policies.acme]);
  await client('c-mazovia:requested', company, 40, {
    type: 'RequestTransfer',
    data: { clientId: 'c-mazovia', requestId: 'req-mazovia', reason: 'The client asked for a direct contract', policy: policies.acme },
  });
  await client('c-mazovia:accepted', acme, 35, { type: 'AcceptTransfer', data: { clientId: 'c-mazovia', requestId: 'req-mazovia', transferId: 'tr-mazovia' } });
  await client('c-mazovia:released', company, 20, { type: 'ReleaseClient', data: { clientId: 'c-mazovia', reason: 'No longer buying pumps' } });

  await register('c-krakow', keyAccount({ territory: 'PL-MA' }));
  await claim('c-krakow', company, 45, [policies.acme]);
  await client('c-krakow:requested', acme, 20, {
    type: 'RequestTransfer',
    data: { clientId: 'c-krakow', requestId: 'req-krakow', reason: '=HYPERLINK("http://evil.example","click"), they called us', policy: policies.acme },
  });

  await register('c-gdansk', { territory: 'PL-PM', segment: 'retail', annualVolume: pln(20_000_000) });
  await claim('c-gdansk', company, 44, []);
  await client('c-gdansk:handed-over', company, 30, {
    type: 'HandOverClient',
    data: { clientId: 'c-gdansk', transferId: 'tr-gdansk', to: acmeSide, reason: 'Acme serves the harbour' },
  });

  await register('c-szczecin', { territory: 'PL-ZP', segment: 'retail', annualVolume: pln(25_000_000) });
  await claim('c-szczecin', company, 41, []);
  await client('c-szczecin:handed-over', company, 38, {
    type: 'HandOverClient',
    data: { clientId: 'c-szczecin', transferId: 'tr-szczecin-1', to: acmeSide, reason: 'Trial with Acme' },
  });
  await client('c-szczecin:handed-back', acme, 25, {
    type: 'HandOverClient',
    data: { clientId: 'c-szczecin', transferId: 'tr-szczecin-2', to: COMPANY, reason: 'Too far from our depots' },
  });

  await register('c-warsaw', keyAccount({ territory: 'PL-MZ', annualVolume: pln(150_000_000) }));
  await claim('c-warsaw', company, 43, [policies.acme]);
  await client('c-warsaw:requested', beta, 5, {
    type: 'RequestTransfer',
    data: { clientId: 'c-warsaw', requestId: 'req-warsaw', reason: 'They opened a plant in Brno', policy: policies.beta },
  });

  await register('c-plock', { territory: 'PL-MZ', segment: 'industrial', annualVolume: pln(40_000_000) });
  // Claimed while no distributor policy covered it, so the company's claim stood without a judgement.
  await claim('c-plock', company, 42, []);
  await claim('c-plock', acme, 15, [policies.acme]);
  await t.settled(); // the dispute-opener reactor opens dsp-c-plock
  const decision = { outcome: { decision: 'Acme has served the mill since before the claim', clientOwner: acmeSide } };
  await post(t, auth.compliance, '/disputes/dsp-c-plock/resolution', decision);

  await post(t, auth.beta, '/clients', {
    clientId: 'c-prague',
    legalName: NAMES['c-prague'],
    taxId: 'CZ12345678',
    territory: 'CZ',
    segment: 'retail',
    annualVolume: { minor: 30_000_000, currency: 'PLN' },
  });
  await post(t, auth.beta, '/clients/c-prague/claims', {});
  const requested = await post(t, auth.company, '/clients/c-prague/transfers', { reason: 'Head office buys centrally' });
  await t.settled(); // the settlement reactor records the decision on c-plock; projections catch up
  return { auth, recorded, pragueRequestId: requested.requestId };
}

/** Registered, drafted and signed by both through the API; the policy in force as claims read it. */
async function signedPolicy(t: TestApp, companyAuth: string, own: string, d: typeof ACME | typeof BETA): Promise<PolicyInForce> {
  const terms = sampleTerms(YEAR, { territories: [...d.territories] });
  await post(t, companyAuth, '/distributors', { id: d.id, name: d.name, territories: d.territories });
  await post(t, companyAuth, '/policies', { distributorId: d.id, year: YEAR, terms });
  const signatures = `/policies/${d.id}-${YEAR}/signatures`;
  for (const signer of [own, companyAuth]) await post(t, signer, signatures, { termsVersion: 1, termsHash: termsHash(terms) });
  const policy = await t.http().get(`/policies/${d.id}-${YEAR}`).set('Authorization', companyAuth).expect(200);
  return policyInForce(d.id, {
    policyId: `${d.id}-${YEAR}`,
    territories: [...d.territories],
    divisionCriteria: terms.divisionCriteria,
    firstEffectiveFrom: policy.body.firstEffectiveFrom,
  });
}

async function post(t: TestApp, authorization: string, path: string, body: object): Promise<Record<string, string>> {
  const res = await t.http().post(path).set('Authorization', authorization).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** Runs a client command through the pure decider against the stored stream and appends what it decides, recorded at `now`. */
export async function decideClient(t: TestApp, actor: Actor, now: Date, command: Omit<ClientCommand, 'context'>): Promise<RecordedEvent[]> {
  const stream = clientStream((command.data as { clientId: string }).clientId);
  const stored = await t.events.readStream(stream);
  const state = fold(
    clientDecider,
    stored.map((e) => ({ type: e.type, data: e.data }) as ClientEvent),
  );
  const events = clientDecider.decide({ ...command, context: { now, actor } } as ClientCommand, state);
  const metadata = { actor, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: now.toISOString() };
  const envelopes = events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: { ...e.data }, metadata }));
  await t.events.appendToStream(stream, envelopes, { expectedRevision: stored.length ? stored.length - 1 : 'no_stream' });
  return (await t.events.readStream(stream)).slice(stored.length);
}
