/**
 * A small channel for the dispute specs, built through the API: two distributors (acme in Mazovia,
 * beta in Czechia, so beta may not see acme's clients), clients registered by the company, disputes
 * opened by the sides. Policies are signed only when a spec asks: a claim by the company before any
 * policy is in force stands on no criteria, which is how the company comes to own a client that the
 * distributor's criteria, once signed, give to the distributor — the contest the flow spec needs.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { clientStream } from '@cl/domain/client/events';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import type { Side } from '@cl/domain/shared/sides';
import type { RecordedEvent } from '@cl/event-store';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../../testing/test-app';

export const YEAR = new Date().getUTCFullYear();
export const ACME = { id: 'acme', territories: ['PL-MZ'] } as const;
export const BETA = { id: 'beta', territories: ['CZ'] } as const;
export const COMPANY_SIDE: Side = { party: 'company' };
export const ACME_SIDE: Side = { party: 'distributor', distributorId: ACME.id };
export const BETA_SIDE: Side = { party: 'distributor', distributorId: BETA.id };

/** `company`, `compliance`, or a distributor id. */
export type Who = 'company' | 'compliance' | typeof ACME.id | typeof BETA.id | string;

type Distributor = { id: string; territories: readonly string[] };

export class DisputeWorld {
  private readonly tokens = new Map<string, string>();

  private constructor(readonly t: TestApp) {}

  /** `env` is passed to the app (e.g. DATA_DIR, to restart on the same files). */
  static async start(env: Record<string, string> = {}): Promise<DisputeWorld> {
    const world = new DisputeWorld(await startTestApp({ AUDIT_DIGEST_EVERY: '1000000', ...env }));
    for (const d of [ACME, BETA])
      await world.postExpecting(201, 'company', '/distributors', { id: d.id, name: `${d.id} distribution`, territories: d.territories });
    await world.t.settled();
    return world;
  }

  /** The same world's files served by a new app (after `close()` of one started with DATA_DIR). */
  static async reopen(dataDir: string): Promise<DisputeWorld> {
    return new DisputeWorld(await startTestApp({ AUDIT_DIGEST_EVERY: '1000000', DATA_DIR: dataDir }));
  }

  async auth(who: Who): Promise<string> {
    const cached = this.tokens.get(who);
    if (cached) return cached;
    const sub = `${who}-user`;
    const token =
      who === 'company' || who === 'compliance'
        ? await this.t.token(who, { sub })
        : await this.t.token('distributor', { sub, distributorId: who });
    this.tokens.set(who, `Bearer ${token}`);
    return `Bearer ${token}`;
  }

  async get(who: Who, path: string, headers: Record<string, string> = {}) {
    return this.t
      .http()
      .get(path)
      .set('Authorization', await this.auth(who))
      .set(headers);
  }

  /** POST as `who`; a body only when given. */
  async post(who: Who, path: string, body?: object, headers: Record<string, string> = {}) {
    const req = this.t
      .http()
      .post(path)
      .set('Authorization', await this.auth(who))
      .set(headers);
    return body === undefined ? req : req.send(body);
  }

  /** POST as `who`, failing with the answer when its status is not `status`. */
  async postExpecting(status: number, who: Who, path: string, body?: object) {
    const res = await this.post(who, path, body);
    if (res.status !== status) throw new Error(`POST ${path} as ${who}: expected ${status}, got ${res.status} ${res.text}`);
    return res;
  }

  /** Registers a retail client as the company (in acme's Mazovia unless told otherwise) and answers its id. */
  async registerClient(territory = 'PL-MZ'): Promise<string> {
    const clientId = `c-${randomUUID()}`;
    await this.postExpecting(201, 'company', '/clients', {
      clientId,
      legalName: `Client ${clientId}`,
      taxId: `PL${randomInt(1e9, 1e10)}`,
      territory,
      segment: 'retail',
      annualVolume: { minor: 12_000_000, currency: 'PLN' },
    });
    return clientId;
  }

  /** A client the company claimed; before any policy covers it, nothing refuses the claim. */
  async companyClient(territory = 'PL-MZ'): Promise<string> {
    const clientId = await this.registerClient(territory);
    await this.postExpecting(201, 'company', `/clients/${clientId}/claims`);
    return clientId;
  }

  /** Drafted by the company and signed by both: in force now (the sample criteria give a retail client to the distributor). */
  async signPolicy(d: Distributor): Promise<void> {
    const terms = sampleTerms(YEAR, { territories: [...d.territories] });
    const signature = { termsVersion: 1, termsHash: termsHash(terms) };
    await this.postExpecting(201, 'company', '/policies', { distributorId: d.id, year: YEAR, terms });
    await this.postExpecting(201, d.id, `/policies/${d.id}-${YEAR}/signatures`, signature);
    await this.postExpecting(201, 'company', `/policies/${d.id}-${YEAR}/signatures`, signature);
    await this.t.settled();
  }

  /** Opens a dispute through POST /disputes and answers its id. */
  async open(who: Who, body: object): Promise<string> {
    const res = await this.postExpecting(201, who, '/disputes', { summary: `Opened by ${who} for a spec`, ...body });
    return String(res.body.disputeId);
  }

  /** The dispute as `who` reads it, once the projections caught up. */
  async dispute(who: Who, disputeId: string) {
    await this.t.settled();
    return this.get(who, `/disputes/${disputeId}`);
  }

  clientEvents(clientId: string): Promise<RecordedEvent[]> {
    return this.t.events.readStream(clientStream(clientId));
  }

  settled(): Promise<void> {
    return this.t.settled();
  }

  close(): Promise<void> {
    return this.t.close();
  }
}
