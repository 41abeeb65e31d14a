/**
 * Which policy terms govern a sale: the floors, the currency, the discretion bands and the plan period.
 * A distributor sells under its own policy in force; the company under every distributor policy in
 * force covering the client's territory (it must honour each), or under none.
 */
import { parsePolicyId } from '../policy/events';
import type { Money } from '../policy/terms';
import type { Side } from '../shared/sides';
import { compareMoney } from './amounts';
import type { SalePolicy } from './commands';
import { SaleErrors } from './errors';

export interface AppliedFloor {
  floor: Money;
  /** The policy the floor comes from. */
  policyId: string;
}

/**
 * The floor for a SKU among the governing policies: the highest, so that a sale honours every policy
 * (ties: the first policy by policyId). Undefined when none of them sets a floor for the SKU. The
 * policies must share a currency (the sale has been checked against each of them).
 */
export function floorFor(policies: readonly SalePolicy[], sku: string): AppliedFloor | undefined {
  let best: AppliedFloor | undefined;
  for (const policy of byPolicyId(policies)) {
    const floor = policy.priceFloors.find((f) => f.sku === sku)?.minUnitPrice;
    if (floor && (!best || compareMoney(floor, best.floor) > 0)) best = { floor, policyId: policy.policyId };
  }
  return best;
}

/**
 * The policies whose terms govern a sale by `seller`, sorted by policyId. A distributor's own policy
 * only (the handler passes it; any other distributor's is ignored), refused when it has none; the
 * company's are all those passed, possibly none.
 */
export function governingPolicies(seller: Side, policies: readonly SalePolicy[], date: string): SalePolicy[] {
  if (seller.party === 'company') return byPolicyId(policies);
  const own = byPolicyId(policies.filter((p) => parsePolicyId(p.policyId)?.distributorId === seller.distributorId));
  if (own.length === 0) throw SaleErrors.noPolicyInForce(seller, date);
  return own;
}

/**
 * The policy a sale counts under for plan and settlement: the first governing one by policyId.
 * A distributor has exactly one; when several distributor policies cover a company sale's client,
 * the sale is attributed to the first by policyId so that every reader attributes it the same way.
 */
export const countingPolicy = (governing: readonly SalePolicy[]): SalePolicy | null => governing[0] ?? null;

/** Every governing policy settles in the sale's currency; with none, any currency will do. */
export function requireCurrency(governing: readonly SalePolicy[], currency: string): void {
  const other = governing.find((p) => p.currency !== currency);
  if (other) throw SaleErrors.currencyMismatch(other.currency, currency, other.policyId);
}

const byPolicyId = (policies: readonly SalePolicy[]): SalePolicy[] =>
  [...policies].sort((a, b) => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0));
