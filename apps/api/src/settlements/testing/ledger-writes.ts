/**
 * Writes for the settlement specs that the API cannot make: a policy signed before its year began
 * (the API signs at the current instant, and a period can only be settled under terms in force at its
 * end), and sales booked through the pure sale decider. Each runs the real decider on the stored
 * stream and appends what it decides, as a command handler would, with the command's instant.
 */
import { randomUUID } from 'node:crypto';
import { policyDecider, policyIdFor, policyStream, type PolicyCommand, type PolicyTerms } from '@cl/domain/policy';
import { saleDecider, saleStream, type SaleCommand, type SaleEvent, type SaleLineInput } from '@cl/domain/sales';
import type { Side } from '@cl/domain/shared/sides';
import { fold, type Actor, type Command, type Decider, type Event } from '@cl/domain/shared/types';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { TestApp } from '../../testing/test-app';

const COMPANY: Actor = { party: 'company', userId: 'ceo' };

export async function decideAndAppend<S, C extends Command, E extends Event>(
  t: TestApp,
  stream: string,
  decider: Decider<S, C, E>,
  command: C,
): Promise<E[]> {
  const recorded = await t.events.readStream(stream);
  const state = fold(
    decider,
    recorded.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
  );
  const events = decider.decide(command, state);
  const { actor, now } = command.context;
  const metadata = { actor: { ...actor }, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: now.toISOString() };
  const envelopes = events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    schemaVersion: 1,
    data: { ...e.data } as Record<string, unknown>,
    metadata,
  }));
  await t.events.appendToStream(stream, envelopes, {
    expectedRevision: recorded.length ? recorded[recorded.length - 1].revision : 'no_stream',
  });
  return events;
}

/** Drafted and signed by both parties at `signedAt`: signed in December for the next year, it governs from 1 January. */
export async function policySignedAt(t: TestApp, distributorId: string, year: number, terms: PolicyTerms, signedAt: Date): Promise<string> {
  const policyId = policyIdFor(distributorId, year);
  const distributor: Actor = { party: 'distributor', userId: `${distributorId}-ceo`, distributorId };
  const run = (actor: Actor, c: Omit<PolicyCommand, 'context'>) =>
    decideAndAppend(t, policyStream(policyId), policyDecider, { ...c, context: { now: signedAt, actor } } as PolicyCommand);
  await run(COMPANY, { type: 'DraftPolicy', data: { distributorId, year, terms } });
  for (const actor of [distributor, COMPANY]) {
    await run(actor, { type: 'SignPolicy', data: { policyId, termsVersion: 1, termsHash: termsHash(terms) } });
  }
  return policyId;
}

export interface SaleInput {
  saleId: string;
  distributorId: string;
  policyId: string;
  terms: PolicyTerms;
  date: string;
  lines: SaleLineInput[];
}

/** The distributor records a sale to a client it owns, booked now: the context a sale handler would read. */
export async function distributorSale(t: TestApp, s: SaleInput): Promise<SaleEvent[]> {
  const seller: Side = { party: 'distributor', distributorId: s.distributorId };
  const policy = {
    policyId: s.policyId,
    currency: s.terms.settlement.currency,
    priceFloors: s.terms.priceFloors,
    discretionBands: s.terms.discretionBands,
    granularity: s.terms.plan.granularity,
  };
  const client = { clientId: `client-of-${s.distributorId}`, territory: s.terms.territories[0], segment: 'retail', owner: seller };
  const data = {
    saleId: s.saleId,
    clientId: client.clientId,
    date: s.date,
    currency: policy.currency,
    lines: s.lines,
    sale: { client, policies: [policy], specialPrices: [] },
  };
  return decideSale(t, { type: 'RecordSale', data, context: { now: new Date(), actor: sellerActor(s.distributorId) } });
}

export const cancelDistributorSale = (t: TestApp, distributorId: string, saleId: string, reason: string) =>
  decideSale(t, { type: 'CancelSale', data: { saleId, reason }, context: { now: new Date(), actor: sellerActor(distributorId) } });

const sellerActor = (distributorId: string): Actor => ({ party: 'distributor', userId: `${distributorId}-sales`, distributorId });

const decideSale = (t: TestApp, command: SaleCommand) => decideAndAppend(t, saleStream(command.data.saleId), saleDecider, command);
