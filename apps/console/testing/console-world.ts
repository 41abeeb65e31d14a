/**
 * What the console's end-to-end spec finds when it signs in, made through the HTTP API: distributor
 * acme with this year's policy signed by both sides and amended (a higher plan from July, a third
 * bonus tier), sales above this month's plan, promotion spend in every state, and the bakery that
 * acme claimed and then handed over to the company — so that acme's next claim is contested.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import type { PolicyTerms } from '@cl/domain/policy';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { ConsoleServer } from './console-server';

export const YEAR = new Date().getUTCFullYear();
export const ACME = { id: 'acme', name: 'Acme Distribution', territories: ['PL-MZ'] };
export const POLICY_ID = `acme-${YEAR}`;
export const BAKERY = {
  clientId: 'c-warsaw-bakeries',
  legalName: 'Warsaw Bakeries Sp. z o.o.',
  taxId: 'PL7770001234',
  territory: 'PL-MZ',
  segment: 'retail',
  annualVolume: { minor: 50_000_000, currency: 'PLN' },
};

const pln = (minor: number) => ({ minor, currency: 'PLN' });
const terms: PolicyTerms = sampleTerms(YEAR, { territories: ACME.territories });
/** July–December planned at PLN 150 000.00, and a third tier from 120% of plan. */
export const AMENDED: PolicyTerms = {
  ...terms,
  plan: { ...terms.plan, periods: terms.plan.periods.map((p, i) => (i >= 6 ? { ...p, amount: pln(15_000_000) } : p)) },
  bonus: { ...terms.bonus, tiers: [...terms.bonus.tiers, { thresholdBp: 12_000, rateBp: 400 }] },
};

/** This month's plan under the amended terms, and sales worth about 115% of it (above the second tier). */
const THIS_MONTH = new Date().getUTCMonth();
export const UNIT_PRICE_MINOR = 125_000;
export const PLAN_THIS_MONTH_MINOR = AMENDED.plan.periods[THIS_MONTH].amount.minor;
export const SALE_QUANTITIES = [40, Math.ceil((PLAN_THIS_MONTH_MINOR * 1.15) / UNIT_PRICE_MINOR) - 40];

export interface Tokens {
  company: string;
  acme: string;
  compliance: string;
}

export async function tokensFor(server: ConsoleServer): Promise<Tokens> {
  return {
    company: await server.token('company', 'anna'),
    acme: await server.token('distributor', 'jan', ACME.id),
    compliance: await server.token('compliance', 'marta'),
  };
}

export async function buildWorld(server: ConsoleServer, tokens: Tokens): Promise<void> {
  const as =
    (who: keyof Tokens) =>
    (path: string, body: object = {}) =>
      call(server.base, tokens[who], path, body);
  const company = as('company');
  const acme = as('acme');
  await company('/distributors', ACME);
  await company('/policies', { distributorId: ACME.id, year: YEAR, terms });
  for (const sign of [acme, company]) await sign(`/policies/${POLICY_ID}/signatures`, { termsVersion: 1, termsHash: termsHash(terms) });
  await company(`/policies/${POLICY_ID}/amendments`, { terms: AMENDED });
  for (const sign of [acme, company]) await sign(`/policies/${POLICY_ID}/amendments/1/signatures`, { termsHash: termsHash(AMENDED) });
  await server.settled();
  await company('/clients', BAKERY);
  await acme(`/clients/${BAKERY.clientId}/claims`);
  const today = new Date().toISOString().slice(0, 10);
  for (const quantity of SALE_QUANTITIES) {
    const lines = [{ sku: 'PUMP-100', quantity, unitPrice: pln(UNIT_PRICE_MINOR) }];
    await acme('/sales', { clientId: BAKERY.clientId, date: today, currency: 'PLN', lines });
  }
  await acme(`/clients/${BAKERY.clientId}/hand-over`, {
    to: { party: 'company' },
    reason: 'The bakery asked to buy from the factory directly',
  });
  await promotionSpends(company, acme);
  await server.settled();
}

type Post = (path: string, body?: object) => Promise<Record<string, unknown>>;

async function promotionSpends(company: Post, acme: Post): Promise<void> {
  const spends = `/policies/${POLICY_ID}/promotion/spends`;
  const fair = await acme(spends, { activity: 'Trade fair stand', amount: pln(300_000), evidenceRef: 'doc://quotes/fair' });
  await company(`${spends}/${fair.spendId}/approval`);
  await acme(`${spends}/${fair.spendId}/settlement`, { proofRef: 'doc://invoices/fair', amount: pln(250_000) });
  await acme(spends, { activity: 'Demo days', amount: pln(200_000), evidenceRef: 'doc://quotes/demo-days' });
}

async function call(base: string, token: string, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`Could not build the console's world with POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
