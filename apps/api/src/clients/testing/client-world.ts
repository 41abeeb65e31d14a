/**
 * A small channel for the client command specs, built through the API: distributors with a policy in
 * force for the current year (the sample terms: anything but existing company clients and key accounts
 * from PLN 1 000 000.00 a year is the distributor's), and clients registered by the company.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { clientStream } from '@cl/domain/client/events';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import type { Side } from '@cl/domain/shared/sides';
import type { RecordedEvent } from '@cl/event-store';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../../testing/test-app';

export const YEAR = new Date().getUTCFullYear();

export interface WorldDistributor {
  id: string;
  territories: string[];
}

/** acme holds Mazovia and Lesser Poland; beta holds Czechia, so Polish clients are not its to see. */
export const ACME: WorldDistributor = { id: 'acme', territories: ['PL-MZ', 'PL-MA'] };
export const BETA: WorldDistributor = { id: 'beta', territories: ['CZ'] };

export const COMPANY_SIDE: Side = { party: 'company' };
export const sideOfDistributor = (d: WorldDistributor): Side => ({ party: 'distributor', distributorId: d.id });

export interface ClientProfile {
  territory?: string;
  segment?: string;
  annualVolume?: { minor: number; currency: string };
}

/** The sample criteria's default: a retail client in Mazovia, acme's. */
export const distributorsClient = (p: ClientProfile = {}): ClientProfile => ({
  territory: 'PL-MZ',
  segment: 'retail',
  annualVolume: { minor: 12_000_000, currency: 'PLN' },
  ...p,
});

/** A key account from PLN 1 000 000.00 a year: the sample criteria give it to the company. */
export const keyAccount = (p: ClientProfile = {}): ClientProfile =>
  distributorsClient({ segment: 'key-account', annualVolume: { minor: 150_000_000, currency: 'PLN' }, ...p });

export class ClientWorld {
  private readonly tokens = new Map<string, string>();

  private constructor(readonly t: TestApp) {}

  static async start(distributors: WorldDistributor[] = [ACME, BETA]): Promise<ClientWorld> {
    const world = new ClientWorld(await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' }));
    for (const d of distributors) await world.signedDistributor(d);
    await world.t.settled();
    return world;
  }

  /** `company`, `compliance`, or a distributor id; each with a user of its own (`<who>-user`). */
  async auth(who: string): Promise<string> {
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

  /** POST as `who`; a body only when given. */
  async post(who: string, path: string, body?: object) {
    const req = this.t
      .http()
      .post(path)
      .set('Authorization', await this.auth(who));
    return body === undefined ? req : req.send(body);
  }

  /** POST as `who`, failing with the answer when its status is not `status`. */
  async postExpecting(status: number, who: string, path: string, body?: object) {
    const res = await this.post(who, path, body);
    if (res.status !== status) throw new Error(`POST ${path} as ${who}: expected ${status}, got ${res.status} ${res.text}`);
    return res;
  }

  /** Registers a client as the company and answers its id. */
  async registerClient(profile: ClientProfile = distributorsClient()): Promise<string> {
    const clientId = `c-${randomUUID()}`;
    const body = { clientId, legalName: `Client ${clientId}`, taxId: `PL${randomInt(1e9, 1e10)}`, ...distributorsClient(profile) };
    const res = await this.post('company', '/clients', body);
    if (res.status !== 201) throw new Error(`Could not register ${clientId}: ${res.status} ${res.text}`);
    return clientId;
  }

  /** A registered client already claimed by `owner` (whose criteria must give it the client). */
  async ownedClient(owner: string, profile: ClientProfile = owner === 'company' ? keyAccount() : distributorsClient()): Promise<string> {
    const clientId = await this.registerClient(profile);
    const res = await this.post(owner, `/clients/${clientId}/claims`);
    if (res.status !== 201) throw new Error(`${owner} could not claim ${clientId}: ${res.status} ${res.text}`);
    return clientId;
  }

  clientEvents(clientId: string): Promise<RecordedEvent[]> {
    return this.t.events.readStream(clientStream(clientId));
  }

  async eventTypes(clientId: string): Promise<string[]> {
    return (await this.clientEvents(clientId)).map((e) => e.type);
  }

  close(): Promise<void> {
    return this.t.close();
  }

  private async signedDistributor(d: WorldDistributor): Promise<void> {
    const terms = sampleTerms(YEAR, { territories: d.territories });
    const steps: Array<[string, string, object]> = [
      ['company', '/distributors', { id: d.id, name: `${d.id} distribution`, territories: d.territories }],
      ['company', '/policies', { distributorId: d.id, year: YEAR, terms }],
      [d.id, `/policies/${d.id}-${YEAR}/signatures`, { termsVersion: 1, termsHash: termsHash(terms) }],
      ['company', `/policies/${d.id}-${YEAR}/signatures`, { termsVersion: 1, termsHash: termsHash(terms) }],
    ];
    for (const [who, path, body] of steps) {
      const res = await this.post(who, path, body);
      if (res.status >= 300) throw new Error(`POST ${path} as ${who}: ${res.status} ${res.text}`);
    }
  }
}
