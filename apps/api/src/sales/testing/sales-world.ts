/**
 * The channel of the client specs (acme in Mazovia and Lesser Poland, beta in Czechia, each with the
 * sample terms in force since the world started: PUMP-100 ≥ PLN 1 250.00, VALVE-20 ≥ PLN 89.90, PLN),
 * with what the sale specs add: lines, sales, special prices and the streams to check them against.
 */
import { saleStream } from '@cl/domain/sales/events';
import type { RecordedEvent } from '@cl/event-store';
import { ClientWorld } from '../../clients/testing/client-world';

export { ACME, BETA, COMPANY_SIDE, distributorsClient, keyAccount, sideOfDistributor, YEAR } from '../../clients/testing/client-world';

/** The policies came into force when the world started, today: sales are dated today (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const pln = (minor: number) => ({ minor, currency: 'PLN' });
export const PUMP_FLOOR = 125_000;
export const VALVE_FLOOR = 8_990;
export const pumps = (quantity: number, unitMinor: number) => ({ sku: 'PUMP-100', quantity, unitPrice: pln(unitMinor) });
export const valves = (quantity: number, unitMinor: number) => ({ sku: 'VALVE-20', quantity, unitPrice: pln(unitMinor) });

type Line = ReturnType<typeof pumps>;

export class SalesWorld {
  private constructor(readonly w: ClientWorld) {}

  static async start(): Promise<SalesWorld> {
    return new SalesWorld(await ClientWorld.start());
  }

  get t() {
    return this.w.t;
  }

  /** POST /sales as `who` (a distributor id, 'company' or 'compliance'), dated today in PLN unless the body says otherwise. */
  sell(who: string, clientId: string, lines: Line[], extra: Record<string, unknown> = {}) {
    return this.w.post(who, '/sales', { clientId, date: today(), currency: 'PLN', lines, ...extra });
  }

  /** A sale that must be recorded; answers its id. */
  async sold(who: string, clientId: string, lines: Line[], extra: Record<string, unknown> = {}): Promise<string> {
    const res = await this.sell(who, clientId, lines, extra);
    if (res.status !== 201) throw new Error(`${who} could not sell to ${clientId}: ${res.status} ${res.text}`);
    return res.body.saleId as string;
  }

  /** The company approves a special price for the client; answers its id. */
  async specialPrice(clientId: string, sku: string, unitMinor: number, validFrom: string, validTo: string): Promise<string> {
    const body = { clientId, sku, unitPrice: pln(unitMinor), validFrom, validTo, reason: 'Tender against a competing offer' };
    const res = await this.w.postExpecting(201, 'company', '/price-exceptions', body);
    return res.body.specialPriceId as string;
  }

  async get(who: string, path: string) {
    await this.t.settled();
    return this.t
      .http()
      .get(path)
      .set('Authorization', await this.w.auth(who));
  }

  saleEvents(saleId: string): Promise<RecordedEvent[]> {
    return this.t.events.readStream(saleStream(saleId));
  }

  close(): Promise<void> {
    return this.w.close();
  }
}
