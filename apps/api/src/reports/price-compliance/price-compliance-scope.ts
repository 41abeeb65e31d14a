/**
 * What a distributor sees of the price-compliance entries: those that concern it (it sold, it owned
 * the client sold past, its policy's floor or band was met) and the special prices of the clients it
 * may see now. Also used by the monthly report.
 */
import type { Filter, ReadStore } from '@cl/read-models';
import type { PriceComplianceKind } from '@cl/projections/sales/price-compliance.projection';
import type { ClientVisibility } from '../../clients/client-visibility';
import { clientIdsVisibleTo } from '../report-scope';

const SPECIAL_PRICES: PriceComplianceKind[] = ['special-price-approved', 'special-price-revoked'];

export async function priceComplianceScope(
  reads: ReadStore,
  visibility: ClientVisibility,
  distributorId: string | undefined,
): Promise<Filter> {
  if (distributorId === undefined) return {};
  const clientIds = await clientIdsVisibleTo(reads, visibility, distributorId);
  return { $or: [{ distributorIds: distributorId }, { kind: { $in: SPECIAL_PRICES }, clientId: { $in: clientIds } }] };
}
