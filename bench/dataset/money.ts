/**
 * The money part of the year: sales (most of the volume) by each client's owner at or above the
 * floors, some below them (refused, a recorded fact), a few cancelled; monthly closes of every policy
 * on the 2nd of the next month with the actuals the sales ledger holds; promotion spends proposed,
 * approved or rejected and settled; disputes about sales opened by distributors and decided.
 */
import type { SaleLineInput } from '@cl/domain/sales';
import { settlementTermsFrom } from '@cl/domain/settlement';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import type { Agenda } from './agenda';
import { COMPANY_ACTOR, COMPLIANCE_ACTOR, CURRENCY, YEAR, type DistributorCast } from './cast';
import { salePolicy, type Ledger } from './ledger';
import { between, instant, type Parties } from './parties';
import type { Rng } from './rng';

const DAY = 24 * 3_600_000;
const pln = (minor: number) => ({ minor, currency: CURRENCY });
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;
/** The first instant of month m of the year (m = 13: January of the next year). */
const monthStart = (m: number) => Date.UTC(YEAR, m - 1, 1);

export class Money {
  private saleNo = 0;
  /** The latest recorded sale of each distributor: a sale dispute is about one of them. */
  private readonly lastSale = new Map<string, { saleId: string; clientId: string }>();

  constructor(
    private readonly ledger: Ledger,
    private readonly agenda: Agenda,
    private readonly rng: Rng,
    private readonly parties: Parties,
    private readonly distributors: DistributorCast[],
  ) {}

  /** `count` sales at random instants of month m, on working hours. */
  planSales(m: number, count: number): void {
    const from = monthStart(m) + 8 * 3_600_000;
    const to = monthStart(m + 1) - 6 * 3_600_000;
    for (let i = 0; i < count; i++) this.agenda.plan(between(this.rng, from, to), (now) => this.sale(now).then(() => undefined));
  }

  /** One sale to a registered client, by its owner; tries a few clients when one has no owner. */
  async sale(now: Date): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const client = this.rng.pick(this.parties.registered);
      const owner = client && this.ledger.owner(client.id);
      if (!owner) continue;
      const seller = owner.party === 'company' ? null : this.parties.distributor(owner.distributorId);
      const policies = seller ? [salePolicy(seller)] : this.parties.covering(client.territory).map(salePolicy);
      const saleId = `s-${String(++this.saleNo).padStart(8, '0')}`;
      const cancel = this.rng.chance(0.003) && now.getTime() < instant(`${YEAR}-12-20T00:00:00.000Z`);
      const data = {
        saleId,
        clientId: client.id,
        date: now.toISOString().slice(0, 10),
        currency: CURRENCY,
        lines: this.lines(this.rng.chance(0.03)),
        sale: { client: { clientId: client.id, territory: client.territory, segment: client.segment, owner }, policies, specialPrices: [] },
      };
      const actor = seller ? seller.actor : COMPANY_ACTOR;
      const events = await this.ledger.sales.run(saleId, { type: 'RecordSale', data, context: { now, actor } }, cancel);
      this.ledger.book(events);
      if (seller && events[0]?.type === 'SaleRecorded') this.lastSale.set(seller.id, { saleId, clientId: client.id });
      if (cancel && events[0]?.type === 'SaleRecorded') this.agenda.plan(now.getTime() + 3 * DAY, (at) => this.cancel(saleId, actor, at));
      return events.length > 0;
    }
    return false;
  }

  /** One to three lines, always a pump; `belowFloor` prices the pump under its floor (the sale is refused). */
  private lines(belowFloor: boolean): SaleLineInput[] {
    const lines: SaleLineInput[] = [];
    const n = this.rng.int(1, 3);
    lines.push({ sku: 'PUMP-100', quantity: this.rng.int(1, 4), unitPrice: pln(belowFloor ? 112_500 : 125_000 + this.rng.int(0, 250) * 100) });
    if (n >= 2) lines.push({ sku: 'VALVE-20', quantity: this.rng.int(5, 40), unitPrice: pln(8_990 + this.rng.int(0, 27) * 100) });
    if (n >= 3) lines.push({ sku: 'SEAL-KIT-5', quantity: this.rng.int(1, 10), unitPrice: pln(4_500) });
    return lines;
  }

  private async cancel(saleId: string, actor: typeof COMPANY_ACTOR, now: Date): Promise<void> {
    const events = await this.ledger.sales.run(saleId, { type: 'CancelSale', data: { saleId, reason: 'The client returned the goods' }, context: { now, actor } }, false);
    this.ledger.book(events);
  }

  /** Every policy's month m closed by the company on the 2nd of the next month, with the actuals booked so far. */
  planCloses(m: number): void {
    const at = monthStart(m + 1) + DAY + 9 * 3_600_000;
    for (const [i, d] of this.distributors.entries()) this.agenda.plan(at + i * 60_000, (now) => this.close(d, m, now));
  }

  private async close(d: DistributorCast, m: number, now: Date): Promise<void> {
    const booked = this.ledger.actuals.get(d.policyId) ?? new Map<string, number>();
    const actuals = Object.fromEntries(Array.from({ length: m }, (_, i) => [month(i + 1), pln(booked.get(month(i + 1)) ?? 0)]));
    const data = { policyId: d.policyId, period: month(m), terms: settlementTermsFrom(YEAR, 1, d.terms), actuals, salesUpToPosition: this.ledger.writer.written };
    await this.ledger.settlements.run(d.policyId, { type: 'ClosePeriod', data, context: { now, actor: COMPANY_ACTOR } });
  }

  /** Three spends per policy (March, June, September): proposed by the distributor, one in four rejected, the rest settled. */
  planPromotions(): void {
    for (const d of this.distributors) {
      for (const m of [3, 6, 9]) {
        const spendId = `sp-${d.id}-${m}`;
        const at = monthStart(m) + 4 * DAY + 10 * 3_600_000 + this.rng.int(0, 480) * 60_000;
        this.agenda.plan(at, (now) => this.propose(d, spendId, now));
      }
    }
  }

  private async propose(d: DistributorCast, spendId: string, now: Date): Promise<void> {
    const annual = d.terms.plan.periods.reduce((sum, p) => sum + p.amount.minor, 0);
    const amount = Math.max(10_000, Math.floor((annual * 0.015 * 0.15) / 100) * 100);
    const data = { policyId: d.policyId, spendId, activity: `Trade fair stand (${spendId})`, amount: pln(amount), evidenceRef: `doc://quotes/${spendId}` };
    const events = await this.ledger.promotions.run(d.policyId, { type: 'ProposeSpend', data, context: { now, actor: d.actor } });
    if (events.length === 0) return;
    const reject = this.rng.chance(0.25);
    this.agenda.plan(now.getTime() + 2 * DAY, async (at) => {
      const ref = { policyId: d.policyId, spendId };
      const decided = reject
        ? await this.ledger.promotions.run(d.policyId, { type: 'RejectSpend', data: { ...ref, reason: 'Outside the agreed activities' }, context: { now: at, actor: COMPANY_ACTOR } })
        : await this.ledger.promotions.run(d.policyId, { type: 'ApproveSpend', data: ref, context: { now: at, actor: COMPANY_ACTOR } });
      if (reject || decided.length === 0) return;
      this.agenda.plan(at.getTime() + 20 * DAY, (later) =>
        this.ledger.promotions
          .run(d.policyId, { type: 'SettleSpend', data: { ...ref, proofRef: `doc://invoices/${spendId}`, amount: pln(Math.floor(amount * 0.95)) }, context: { now: later, actor: d.actor } })
          .then(() => undefined),
      );
    });
  }

  /** In May each distributor disputes one of its sales with the company; compliance decides ten days later. */
  planSaleDisputes(): void {
    for (const [i, d] of this.distributors.entries()) {
      this.agenda.plan(monthStart(5) + 11 * DAY + 10 * 3_600_000 + i * 60_000, (now) => this.disputeSale(d, now));
    }
  }

  private async disputeSale(d: DistributorCast, now: Date): Promise<void> {
    const sale = this.lastSale.get(d.id);
    if (!sale) return;
    const disputeId = `dsp-sale-${d.id}`;
    const data = {
      disputeId,
      subject: { kind: 'sale' as const, saleId: sale.saleId, clientId: sale.clientId },
      parties: [d.side, COMPANY] as [Side, Side],
      openedBy: d.side,
      summary: `The list price used for sale ${sale.saleId} was out of date`,
      origin: { kind: 'direct' as const },
    };
    const opened = await this.ledger.disputes.run(disputeId, { type: 'OpenDispute', data, context: { now, actor: d.actor } });
    if (opened.length === 0) return;
    this.agenda.plan(now.getTime() + 10 * DAY, async (at) => {
      const outcome = { decision: 'The sale stands; no adjustment' };
      await this.ledger.disputes.run(disputeId, { type: 'DecideDispute', data: { disputeId, outcome }, context: { now: at, actor: COMPLIANCE_ACTOR } });
    });
  }
}
