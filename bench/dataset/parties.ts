/**
 * The parties' part of the year: distributors registered, policies drafted and signed by both sides
 * (in force from 1 January), budgets accrued, clients registered and claimed (key accounts refused to
 * the distributor and claimed by the company), rival claims contested and disputed, interactions and
 * hand-overs. Each command goes through its real decider; what a reactor would do is done as its
 * reactor does it (same ids), so an API started on the data set has nothing left to react to.
 */
import type { ClientClaimContested } from '@cl/domain/client';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { Agenda } from './agenda';
import { COMPANY_ACTOR, COMPLIANCE_ACTOR, CURRENCY, systemActor, YEAR, type ClientCast, type DistributorCast } from './cast';
import { policyInForce, type Ledger } from './ledger';
import type { Rng } from './rng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const instant = (iso: string) => Date.parse(iso);
export const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng.next() * (to - from));
const sideKey = (s: Side) => (s.party === 'company' ? 'company' : s.distributorId);

export class Parties {
  /** Clients registered so far, in order: sales pick their clients from these. */
  readonly registered: ClientCast[] = [];
  readonly contested: string[] = [];
  readonly handedOver: string[] = [];
  private readonly byId: Map<string, DistributorCast>;

  constructor(
    private readonly ledger: Ledger,
    private readonly agenda: Agenda,
    private readonly rng: Rng,
    private readonly distributors: DistributorCast[],
  ) {
    this.byId = new Map(distributors.map((d) => [d.id, d]));
  }

  async signPolicies(): Promise<void> {
    for (const [i, d] of this.distributors.entries()) {
      const at = (iso: string) => ({ now: new Date(instant(iso) + i * 60_000), actor: COMPANY_ACTOR });
      await this.ledger.distributors.run(d.id, { type: 'RegisterDistributor', data: { distributorId: d.id, name: d.name, territories: d.territories }, context: at(`${YEAR - 1}-11-15T09:00:00.000Z`) });
      await this.ledger.policies.run(d.policyId, { type: 'DraftPolicy', data: { distributorId: d.id, year: YEAR, terms: d.terms }, context: at(`${YEAR - 1}-12-01T09:00:00.000Z`) });
      const sign = { policyId: d.policyId, termsVersion: 1, termsHash: termsHash(d.terms) };
      await this.ledger.policies.run(d.policyId, { type: 'SignPolicy', data: sign, context: at(`${YEAR - 1}-12-10T10:00:00.000Z`) });
      await this.ledger.policies.run(d.policyId, { type: 'SignPolicy', data: sign, context: { ...at(`${YEAR - 1}-12-10T11:00:00.000Z`), actor: d.actor } });
    }
    // The budget-accrual reactor's answer to PolicyCameIntoForce.
    for (const [i, d] of this.distributors.entries()) {
      const now = new Date(instant(`${YEAR}-01-01T00:05:00.000Z`) + i * 1000);
      await this.ledger.promotions.run(d.policyId, { type: 'AccruePromotionBudget', data: { policyId: d.policyId, termsVersion: 1, terms: d.terms }, context: { now, actor: systemActor('budget-accrual') } });
    }
  }

  /** Registrations spread over January to March; every later step is planned from there. */
  planClients(clients: ClientCast[]): void {
    const from = instant(`${YEAR}-01-02T08:00:00.000Z`);
    const to = instant(`${YEAR}-04-01T00:00:00.000Z`);
    for (const c of clients) this.agenda.plan(between(this.rng, from, to), (now) => this.register(c, now));
  }

  private async register(c: ClientCast, now: Date): Promise<void> {
    // A rival registers the client it has long served, declaring that (its own) relationship.
    const context = { now, actor: (c.rival ?? c.home).actor };
    await this.ledger.reserveTaxId(c.taxId, c.id, context);
    const data = {
      clientId: c.id,
      legalName: c.legalName,
      taxId: c.taxId,
      territory: c.territory,
      segment: c.segment,
      annualVolume: { minor: c.annualVolumeMinor, currency: CURRENCY },
      relationships: c.rival ? [{ side: c.rival.side, since: `${YEAR - 6}-05-01` }] : [],
    };
    const events = await this.ledger.clients.run(c.id, { type: 'RegisterClient', data, context });
    if (!events.some((e) => e.type === 'ClientRegistered')) return;
    this.registered.push(c);
    const t = now.getTime();
    this.agenda.plan(t + 2 * HOUR, (at) => this.claim(c, c.home, at));
    if (c.segment === 'key-account') this.agenda.plan(t + 4 * HOUR, (at) => this.claim(c, COMPANY, at));
    if (c.rival) this.agenda.plan(between(this.rng, instant(`${YEAR}-04-01T08:00:00.000Z`), instant(`${YEAR}-09-30T00:00:00.000Z`)), (at) => this.claim(c, c.rival!, at));
    if (this.rng.chance(0.1)) this.agenda.plan(t + between(this.rng, DAY, 60 * DAY), (at) => this.interaction(c, at));
    if (this.rng.chance(0.01)) this.agenda.plan(between(this.rng, instant(`${YEAR}-05-01T08:00:00.000Z`), instant(`${YEAR}-11-30T00:00:00.000Z`)), (at) => this.handOver(c, at));
  }

  /** A distributor claims under its own policy; the company under every policy covering the client's territory. */
  private async claim(c: ClientCast, by: DistributorCast | Side, now: Date): Promise<void> {
    const company = 'party' in by && by.party === 'company';
    const policies = company ? this.covering(c.territory).map(policyInForce) : [policyInForce(by as DistributorCast)];
    const actor = company ? COMPANY_ACTOR : (by as DistributorCast).actor;
    const disputeId = `disp-${c.id}-${company ? 'company' : (by as DistributorCast).id}`;
    const events = await this.ledger.clients.run(c.id, { type: 'ClaimClient', data: { clientId: c.id, policies, disputeId }, context: { now, actor } });
    const contest = events.find((e): e is ClientClaimContested => e.type === 'ClientClaimContested');
    if (contest) this.agenda.plan(now.getTime() + 60_000, (at) => this.openDispute(contest.data, at));
  }

  /** The dispute-opener reactor's command for a contested claim; compliance decides it a week later. */
  private async openDispute(contest: ClientClaimContested['data'], now: Date): Promise<void> {
    const { clientId, disputeId, claimant, claimantBasis, owner, ownerBasis } = contest;
    const data = {
      disputeId,
      subject: { kind: 'client' as const, clientId },
      parties: [claimant, owner] as [Side, Side],
      openedBy: claimant,
      summary: `${sideKey(claimant)} claims client ${clientId}, owned by ${sideKey(owner)}`,
      origin: { kind: 'claim' as const, claimant, claimantBasis, owner, ownerBasis },
    };
    const opened = await this.ledger.disputes.run(disputeId, { type: 'OpenDispute', data, context: { now, actor: systemActor('dispute-opener') } });
    if (opened.length === 0) return;
    this.contested.push(clientId);
    const clientOwner = this.rng.chance(0.5) ? claimant : owner;
    this.agenda.plan(now.getTime() + 7 * DAY, (at) => this.decide(disputeId, clientId, clientOwner, at));
  }

  private async decide(disputeId: string, clientId: string, clientOwner: Side, now: Date): Promise<void> {
    const outcome = { decision: `The client belongs to ${sideKey(clientOwner)}`, clientOwner };
    const events = await this.ledger.disputes.run(disputeId, { type: 'DecideDispute', data: { disputeId, outcome }, context: { now, actor: COMPLIANCE_ACTOR } });
    if (!events.some((e) => e.type === 'DisputeResolved')) return;
    // The dispute-settlement reactor: the decision recorded in the client's stream.
    const settle = { clientId, disputeId, resolution: 'resolved' as const, clientOwner, transferId: `dispute-${disputeId}` };
    await this.ledger.clients.run(clientId, { type: 'SettleClientDispute', data: settle, context: { now: new Date(now.getTime() + 1000), actor: systemActor('dispute-settlement') } });
  }

  private async interaction(c: ClientCast, now: Date): Promise<void> {
    const owner = this.ledger.owner(c.id);
    if (owner?.party !== 'distributor') return;
    const actor = this.distributor(owner.distributorId).actor;
    const occurredAt = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
    const data = { clientId: c.id, interactionId: `i-${c.id}`, kind: this.rng.pick(['visit', 'call', 'offer'] as const), summary: 'Pump room survey and offer follow-up', occurredAt };
    await this.ledger.clients.run(c.id, { type: 'LogInteraction', data, context: { now, actor } });
  }

  /** The owner hands the client over to another distributor covering its territory. */
  private async handOver(c: ClientCast, now: Date): Promise<void> {
    const owner = this.ledger.owner(c.id);
    if (owner?.party !== 'distributor') return;
    const to = this.covering(c.territory).find((d) => d.id !== owner.distributorId);
    if (!to) return;
    const data = { clientId: c.id, transferId: `tr-${c.id}`, to: to.side, reason: 'The client moved its plant to the other distributor’s area' };
    const events = await this.ledger.clients.run(c.id, { type: 'HandOverClient', data, context: { now, actor: this.distributor(owner.distributorId).actor } });
    if (events.some((e) => e.type === 'ClientTransferred')) this.handedOver.push(c.id);
  }

  covering(territory: string): DistributorCast[] {
    return this.distributors.filter((d) => d.territories.includes(territory));
  }

  distributor(id: string): DistributorCast {
    const d = this.byId.get(id);
    if (!d) throw new Error(`Unknown distributor ${id}`);
    return d;
  }
}
