/**
 * Reads what the pure sale decider needs from outside the sale's stream, all from streams (never a
 * read model that may lag): the client and its owner on the sale date, the governing policies in force
 * then, and the client's special prices.
 */
import { Inject, Injectable } from '@nestjs/common';
import { clientStream, evolveClient, initialClientState, isRegistered, ownershipAt, type ClientEvent } from '@cl/domain/client';
import { specialPriceStream, type SaleContext, type SalePolicy, type SpecialPriceEvent } from '@cl/domain/sales';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import type { Side } from '@cl/domain/shared/sides';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { ClientVisibility } from '../clients/client-visibility';
import { PolicyLookup } from '../clients/policy-lookup';
import type { Principal } from '../shared/auth/principal';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import { eventHistory, StreamFolds } from '../shared/command/stream-folds';
import { judgementInstant, NO_CONTEXT, salePolicyOf } from './sale-context';

export interface SaleContextRequest {
  seller: Side;
  clientId: string;
  date: string;
  now: Date;
  /**
   * A distributor recording a sale: a client it may not see counts as unknown, so the answer never
   * tells it the client exists. Absent for a correction, whose client the seller already sold to.
   */
  hideFrom?: Principal;
}

/** Client events kept between sales (~1 KB each in memory), and the longest client stream kept. */
const KEPT_CLIENT_EVENTS = { maxWeight: 20_000, maxStreamWeight: 500 };

@Injectable()
export class SaleContextReader {
  private readonly clients: StreamFolds<readonly ClientEvent[], ClientEvent>;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    private readonly visibility: ClientVisibility,
    private readonly policyLookup: PolicyLookup,
  ) {
    this.clients = new StreamFolds(events, schemas, eventHistory<ClientEvent>(), KEPT_CLIENT_EVENTS);
  }

  async read({ seller, clientId, date, now, hideFrom }: SaleContextRequest): Promise<SaleContext> {
    const at = judgementInstant(date, now);
    if (!at) return NO_CONTEXT;
    const history = await this.clientEvents(clientId);
    const state = history.reduce(evolveClient, initialClientState());
    if (!isRegistered(state)) return NO_CONTEXT;
    const { territory, segment } = state;
    if (hideFrom && !(await this.visibility.canSee(hideFrom, { territory, owner: state.owner }))) return NO_CONTEXT;
    const [policies, specialPrices] = await Promise.all([this.policies(seller, territory, at), this.specialPrices(clientId)]);
    return { client: { clientId, territory, segment, owner: ownershipAt(history, at).owner }, policies, specialPrices };
  }

  /** The current owner of a client from its stream (null: unowned or not registered). */
  async ownerNow(clientId: string): Promise<Side | null> {
    const state = (await this.clientEvents(clientId)).reduce(evolveClient, initialClientState());
    return isRegistered(state) ? state.owner : null;
  }

  /** A distributor sells under its own policy; the company under every policy covering the client's territory. */
  private async policies(seller: Side, territory: string, at: Date): Promise<SalePolicy[]> {
    if (seller.party === 'distributor') {
      const own = await this.policyLookup.termsInForce(seller.distributorId, at);
      return own ? [salePolicyOf(own)] : [];
    }
    return (await this.policyLookup.termsCovering(territory, at)).map(salePolicyOf);
  }

  private async specialPrices(clientId: string): Promise<SpecialPriceEvent[]> {
    const recorded = await this.events.readStream(specialPriceStream(clientId));
    return recorded.map((e) => upcast<SpecialPriceEvent>(this.schemas, e));
  }

  /** Every sale reads its client's stream: only the events after those already kept are read. */
  private clientEvents(clientId: string): Promise<readonly ClientEvent[]> {
    return this.clients.read(clientStream(clientId));
  }
}
