/** Guards shared by the sale's command handlers: each either passes or throws a stable refusal. */
import type { Errors } from '../policy/field-checks';
import { sameSide, sideOf, type Side } from '../shared/sides';
import type { Actor } from '../shared/types';
import type { SaleClient, SaleContext } from './commands';
import { SaleErrors } from './errors';
import type { RefusedSale, Sale, SaleState } from './sale-state';

/**
 * The side selling: the company or a distributor. Compliance only reads and the system only
 * follows processes: neither sells, so neither records, corrects or cancels a sale.
 */
export function sellingSide(actor: Actor, action: string): Side {
  const side = actor.party === 'compliance' || actor.party === 'system' ? undefined : sideOf(actor);
  if (!side) throw SaleErrors.forbiddenParty(actor.party, action);
  return side;
}

export function requireNoErrors(errors: Errors): void {
  if (errors.length > 0) throw SaleErrors.invalidCommand(errors);
}

/** A sale on record, recorded or refused. */
export function existingSale(state: SaleState, saleId: string): Sale | RefusedSale {
  if (state.status === 'none') throw SaleErrors.notFound(saleId);
  return state;
}

/** Only the side that sold changes its sale; the other side disputes it instead. */
export function requireSeller(sale: Sale | RefusedSale, side: Side, action: string): void {
  if (!sameSide(sale.seller, side)) throw SaleErrors.notSeller(side, sale.saleId, action);
}

/** A recorded sale not cancelled: a refused sale never counted, a cancelled one is final. */
export function requireLive(sale: Sale | RefusedSale): Sale {
  if (sale.status === 'refused') throw SaleErrors.notRecorded(sale.saleId);
  if (sale.status === 'cancelled') throw SaleErrors.cancelled(sale.saleId);
  return sale;
}

/**
 * The client as the handler found it on the sale date. A client for another id than the command's
 * means the handler read the wrong stream: a defect, not something the caller can fix.
 */
export function knownClient(context: SaleContext, clientId: string): SaleClient {
  const { client } = context;
  if (!client) throw SaleErrors.unknownClient(clientId);
  if (client.clientId !== clientId) throw new Error(`Sale context is for client ${client.clientId}, not ${clientId}`);
  return client;
}
