/**
 * The aggregates of the data set behind one writer, and the inputs their handlers would read from
 * other streams (policies in force, a client's owner, the sales ledger's actuals), kept up to date
 * from the events as they are decided.
 */
import { createHash } from 'node:crypto';
import { clientDecider, clientStream, type Client, type ClientCommand, type ClientEvent, type ClientState, type PolicyInForce } from '@cl/domain/client';
import { disputeDecider, disputeStream, type DisputeCommand, type DisputeEvent } from '@cl/domain/dispute';
import { distributorDecider, type DistributorCommand } from '@cl/domain/distributor/distributor';
import { distributorStream, type DistributorEvent } from '@cl/domain/distributor/events';
import { policyDecider, policyStream, type PolicyCommand, type PolicyEvent, type PolicyState } from '@cl/domain/policy';
import { promotionDecider, promotionStream, type PromotionCommand, type PromotionEvent } from '@cl/domain/promotion';
import { saleDecider, saleStream, type SaleCommand, type SaleEvent, type SalePolicy } from '@cl/domain/sales';
import { settlementDecider, settlementStream, type SettlementCommand, type SettlementEvent } from '@cl/domain/settlement';
import type { Side } from '@cl/domain/shared/sides';
import type { Actor, Command, Decider, Event } from '@cl/domain/shared/types';
import type { ClientTaxIdReserved } from '@cl/domain/client/events';
import { Aggregates, Refusals } from './aggregates';
import { CURRENCY, YEAR, type DistributorCast } from './cast';
import type { LogWriter } from './log-writer';

/** As apps/api/src/clients/tax-id-registry.ts names it: a digest, so tax ids stay out of stream names. */
const taxIdStream = (taxId: string) => `client-tax-id-${createHash('sha256').update(taxId).digest('hex').slice(0, 40)}`;

type Agg<S, C extends Command, E extends Event> = Aggregates<S, C, E>;

export class Ledger {
  readonly refusals = new Refusals();
  readonly distributors: Agg<unknown, DistributorCommand, DistributorEvent>;
  readonly policies: Agg<PolicyState, PolicyCommand, PolicyEvent>;
  readonly clients: Agg<ClientState, ClientCommand, ClientEvent>;
  readonly sales: Agg<unknown, SaleCommand, SaleEvent>;
  readonly settlements: Agg<unknown, SettlementCommand, SettlementEvent>;
  readonly promotions: Agg<unknown, PromotionCommand, PromotionEvent>;
  readonly disputes: Agg<unknown, DisputeCommand, DisputeEvent>;
  /** Net actual per policy and period, as the sales ledger a close reads would hold it (minor units). */
  readonly actuals = new Map<string, Map<string, number>>();

  constructor(readonly writer: LogWriter) {
    const agg = <S, C extends Command, E extends Event>(
      decider: Decider<S, C, E>,
      streamOf: (id: string) => string,
    ) => new Aggregates(decider, streamOf, writer, this.refusals);
    this.distributors = agg(distributorDecider as never, distributorStream);
    this.policies = agg(policyDecider, policyStream);
    this.clients = agg(clientDecider, clientStream);
    this.sales = agg(saleDecider as never, saleStream);
    this.settlements = agg(settlementDecider as never, settlementStream);
    this.promotions = agg(promotionDecider as never, promotionStream);
    this.disputes = agg(disputeDecider as never, disputeStream);
  }

  /** The reservation the API appends before a registration (TaxIdRegistry). */
  async reserveTaxId(taxId: string, clientId: string, context: { now: Date; actor: Actor }): Promise<void> {
    const reservation: ClientTaxIdReserved = { type: 'ClientTaxIdReserved', data: { taxId, clientId, reservedAt: context.now.toISOString() } };
    await this.writer.append(taxIdStream(taxId), [reservation], context.actor, context.now);
  }

  client(id: string): Client | undefined {
    const state = this.clients.state(id);
    return state.status === 'registered' ? (state as Client) : undefined;
  }

  owner(id: string): Side | null {
    return this.client(id)?.owner ?? null;
  }

  /** Books a recorded or cancelled sale into the actuals a close will read. */
  book(events: readonly SaleEvent[]): void {
    for (const e of events) {
      if (e.type === 'SaleRecorded' && e.data.policyId && e.data.period) this.add(e.data.policyId, e.data.period, e.data.total.minor);
      if (e.type === 'SaleCancelled' && e.data.policyId && e.data.period) this.add(e.data.policyId, e.data.period, -e.data.previousTotal.minor);
    }
  }

  private add(policyId: string, period: string, minor: number): void {
    const periods = this.actuals.get(policyId) ?? new Map<string, number>();
    periods.set(period, (periods.get(period) ?? 0) + minor);
    this.actuals.set(policyId, periods);
  }
}

export const FIRST_EFFECTIVE = `${YEAR}-01-01T00:00:00.000Z`;

/** The policy in force as the client handlers pass it to a claim or a transfer request. */
export function policyInForce(d: DistributorCast): PolicyInForce {
  return {
    policyId: d.policyId,
    distributorId: d.id,
    termsVersion: 1,
    territories: d.terms.territories,
    divisionCriteria: d.terms.divisionCriteria,
    handOverDays: d.terms.handOverDays,
    firstEffectiveFrom: FIRST_EFFECTIVE,
  };
}

/** The policy as the sale handler passes it: floors, bands, currency and plan granularity. */
export function salePolicy(d: DistributorCast): SalePolicy {
  return {
    policyId: d.policyId,
    currency: CURRENCY,
    priceFloors: d.terms.priceFloors,
    discretionBands: d.terms.discretionBands,
    granularity: d.terms.plan.granularity,
  };
}
