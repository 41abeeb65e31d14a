/**
 * What can be asked of a sale or of a client's special prices. What the decider needs from outside
 * its stream — the client on the sale date, the governing policy's floors and currency, the special
 * prices — is read by the handler and passed in.
 */
import type { Command } from '../shared/types';
import type { Side } from '../shared/sides';
import type { DiscretionBand, Granularity, Money, PriceFloor } from '../policy/terms';
import type { SaleLineInput, SpecialPriceApproved, SpecialPriceRevoked } from './events';

/** The distributor policy in force on the sale date whose terms govern the sale. */
export interface SalePolicy {
  policyId: string;
  /** The settlement currency: every sale under the policy is in it. */
  currency: string;
  priceFloors: PriceFloor[];
  discretionBands: DiscretionBand[];
  granularity: Granularity;
}

export interface SaleClient {
  clientId: string;
  territory: string;
  segment: string;
  /** Owner on the sale date. */
  owner: Side | null;
}

export interface SaleContext {
  /** Null: the client does not exist (or the seller may not see it). */
  client: SaleClient | null;
  /**
   * A distributor seller: its own policy in force on the date (null: none). The company: the policies
   * in force covering the client's territory (the highest floor of them applies per SKU).
   */
  policies: SalePolicy[];
  /** The client's special prices (the stream's events, folded by the decider). */
  specialPrices: Array<SpecialPriceApproved | SpecialPriceRevoked>;
}

export type RecordSale = Command<'RecordSale', { saleId: string; clientId: string; date: string; currency: string; lines: SaleLineInput[]; sale: SaleContext }>;
export type CorrectSale = Command<'CorrectSale', { saleId: string; lines: SaleLineInput[]; reason: string; sale: SaleContext }>;
export type CancelSale = Command<'CancelSale', { saleId: string; reason: string }>;
export type SaleCommand = RecordSale | CorrectSale | CancelSale;

export type ApproveSpecialPrice = Command<
  'ApproveSpecialPrice',
  { clientId: string; specialPriceId: string; sku: string; unitPrice: Money; validFrom: string; validTo: string; reason: string }
>;
export type RevokeSpecialPrice = Command<'RevokeSpecialPrice', { clientId: string; specialPriceId: string; effectiveFrom: string; reason: string }>;
export type SpecialPriceCommand = ApproveSpecialPrice | RevokeSpecialPrice;
