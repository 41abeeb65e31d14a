/**
 * Actors, sale contexts, commands and event builders for sales and special-price specs. The sample
 * policy is d-1's for 2026 in PLN, monthly plan, floors PUMP-100 ≥ PLN 1 250.00 and VALVE-20 ≥
 * PLN 89.90, key accounts priced at most 15% above the floor. The sample client c-1 is an industrial
 * client in Mazovia owned by d-1; sales are dated 10 March 2026 and recorded on 12 March.
 */
import type { Money } from '../../policy/terms';
import { DomainError } from '../../shared/errors';
import { COMPANY, type Side } from '../../shared/sides';
import { fold, type CommandContext, type Decider, type Command, type Event } from '../../shared/types';
import type {
  ApproveSpecialPrice,
  CancelSale,
  CorrectSale,
  RecordSale,
  RevokeSpecialPrice,
  SaleClient,
  SaleContext,
  SalePolicy,
} from '../commands';
import type {
  FloorViolation,
  SaleLine,
  SaleLineInput,
  SaleRecorded,
  SaleRefused,
  SpecialPriceApproved,
  SpecialPriceEvent,
  SpecialPriceRevoked,
} from '../events';

export { asCompany, asCompliance, asDistributor, asSystem, at } from '../../policy/testing/fixtures';
export { COMPANY };

export const SALE_ID = 's-1';
export const CLIENT_ID = 'c-1';
export const SALE_DATE = '2026-03-10';
export const NOW = '2026-03-12T10:00:00.000Z';
export const LATER = '2026-03-20T10:00:00.000Z';
export const D1: Side = { party: 'distributor', distributorId: 'd-1' };
export const D2: Side = { party: 'distributor', distributorId: 'd-2' };

export const pln = (minor: number): Money => ({ minor, currency: 'PLN' });
export const eur = (minor: number): Money => ({ minor, currency: 'EUR' });

export const PUMP_FLOOR = pln(125_000);
export const VALVE_FLOOR = pln(8_990);

/** A distributor's policy in force as a sale command carries it: `<distributorId>-2026`. */
export const salePolicy = (distributorId = 'd-1', overrides: Partial<SalePolicy> = {}): SalePolicy => ({
  policyId: `${distributorId}-2026`,
  currency: 'PLN',
  priceFloors: [
    { sku: 'PUMP-100', minUnitPrice: PUMP_FLOOR },
    { sku: 'VALVE-20', minUnitPrice: VALVE_FLOOR },
  ],
  discretionBands: [{ segment: 'key-account', maxAboveFloorBp: 1_500 }],
  granularity: 'month',
  ...overrides,
});

export const saleClient = (overrides: Partial<SaleClient> = {}): SaleClient => ({
  clientId: CLIENT_ID,
  territory: 'PL-MZ',
  segment: 'industrial',
  owner: D1,
  ...overrides,
});

export const saleContext = (overrides: Partial<SaleContext> = {}): SaleContext => ({
  client: saleClient(),
  policies: [salePolicy()],
  specialPrices: [],
  ...overrides,
});

export const line = (sku: string, quantity: number, unitPrice: Money): SaleLineInput => ({ sku, quantity, unitPrice });

/** Two pumps at the floor and ten valves above it: PLN 2 500.00 + PLN 1 000.00. */
export const sampleLines = (): SaleLineInput[] => [line('PUMP-100', 2, pln(125_000)), line('VALVE-20', 10, pln(10_000))];

export type Recording = Omit<RecordSale['data'], 'sale'>;

export const recordSale = (context: CommandContext, data: Partial<Recording> = {}, sale: SaleContext = saleContext()): RecordSale => ({
  type: 'RecordSale',
  data: { saleId: SALE_ID, clientId: CLIENT_ID, date: SALE_DATE, currency: 'PLN', lines: sampleLines(), ...data, sale },
  context,
});

export const correctSale = (
  context: CommandContext,
  lines: SaleLineInput[],
  sale: SaleContext = saleContext(),
  reason = 'Quantities confirmed by the delivery note',
): CorrectSale => ({ type: 'CorrectSale', data: { saleId: SALE_ID, lines, reason, sale }, context });

export const cancelSale = (context: CommandContext, reason = 'The client returned the goods'): CancelSale => ({
  type: 'CancelSale',
  data: { saleId: SALE_ID, reason },
  context,
});

/** A line as recorded, with its total computed by hand (small amounts only). */
export const recordedLine = (input: SaleLineInput, extra: Partial<SaleLine> = {}): SaleLine => ({
  ...input,
  lineTotal: { minor: input.quantity * input.unitPrice.minor, currency: input.unitPrice.currency },
  ...extra,
});

/** The sample sale as d-1 records it: PLN 3 500.00 under d-1-2026, March, no channel conflict. */
export const saleRecorded = (overrides: Partial<SaleRecorded['data']> = {}): SaleRecorded => ({
  type: 'SaleRecorded',
  data: {
    saleId: SALE_ID,
    seller: D1,
    clientId: CLIENT_ID,
    territory: 'PL-MZ',
    segment: 'industrial',
    date: SALE_DATE,
    currency: 'PLN',
    lines: [recordedLine(sampleLines()[0], { floor: PUMP_FLOOR }), recordedLine(sampleLines()[1], { floor: VALVE_FLOOR })],
    total: pln(350_000),
    policyId: 'd-1-2026',
    period: '2026-03',
    channelConflict: null,
    recordedAt: NOW,
    ...overrides,
  },
});

/** d-1's sale refused for the given lines (their total computed by hand: small amounts only) and violations. */
export const saleRefused = (
  lines: SaleLineInput[],
  violations: FloorViolation[],
  overrides: Partial<SaleRefused['data']> = {},
): SaleRefused => ({
  type: 'SaleRefused',
  data: {
    saleId: SALE_ID,
    seller: D1,
    clientId: CLIENT_ID,
    date: SALE_DATE,
    currency: 'PLN',
    lines,
    total: { minor: lines.reduce((sum, l) => sum + l.quantity * l.unitPrice.minor, 0), currency: overrides.currency ?? 'PLN' },
    violations,
    refusedAt: NOW,
    ...overrides,
  },
});

/** A violation of the sample policy's floor for the line. */
export const violation = (lineIndex: number, input: SaleLineInput, floor: Money, policyId = 'd-1-2026'): FloorViolation => ({
  lineIndex,
  sku: input.sku,
  unitPrice: input.unitPrice,
  floor,
  policyId,
});

export const SPECIAL_PRICE_ID = 'sp-1';

/** PUMP-100 for c-1 at PLN 1 100.00 (below the PLN 1 250.00 floor) through March 2026. */
export const specialPriceApproved = (overrides: Partial<SpecialPriceApproved['data']> = {}): SpecialPriceApproved => ({
  type: 'SpecialPriceApproved',
  data: {
    clientId: CLIENT_ID,
    specialPriceId: SPECIAL_PRICE_ID,
    sku: 'PUMP-100',
    unitPrice: pln(110_000),
    validFrom: '2026-03-01',
    validTo: '2026-03-31',
    reason: 'Tender for the municipal water works',
    approvedAt: '2026-02-25T09:00:00.000Z',
    ...overrides,
  },
});

export const specialPriceRevoked = (effectiveFrom: string, specialPriceId = SPECIAL_PRICE_ID): SpecialPriceRevoked => ({
  type: 'SpecialPriceRevoked',
  data: { clientId: CLIENT_ID, specialPriceId, sku: specialPriceApproved().data.sku, effectiveFrom, reason: 'Tender cancelled', revokedAt: '2026-03-05T09:00:00.000Z' },
});

export const withSpecialPrices = (specialPrices: SpecialPriceEvent[], overrides: Partial<SaleContext> = {}): SaleContext =>
  saleContext({ specialPrices, ...overrides });

export type Approval = ApproveSpecialPrice['data'];

export const approveSpecialPrice = (context: CommandContext, overrides: Partial<Approval> = {}): ApproveSpecialPrice => {
  const { approvedAt: _approvedAt, ...data } = specialPriceApproved().data;
  return { type: 'ApproveSpecialPrice', data: { ...data, ...overrides }, context };
};

export const revokeSpecialPrice = (context: CommandContext, overrides: Partial<RevokeSpecialPrice['data']> = {}): RevokeSpecialPrice => ({
  type: 'RevokeSpecialPrice',
  data: { clientId: CLIENT_ID, specialPriceId: SPECIAL_PRICE_ID, effectiveFrom: '2026-03-15', reason: 'Tender cancelled', ...overrides },
  context,
});

/** The refusal a command meets, to look at its kind and details (fails the spec when nothing is thrown). */
export function refusalOf<S, C extends Command, E extends Event>(decider: Decider<S, C, E>, given: E[], command: C): DomainError {
  try {
    decider.decide(command, fold(decider, given));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${command.type} was not refused`);
}

/** The field names of an INVALID_COMMAND refusal, in order. */
export const fieldsOf = (error: DomainError): string[] => (error.details.errors as Array<{ field: string }>).map((e) => e.field);
