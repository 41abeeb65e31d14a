/** The read-model filter of GET /disputes: the caller's filters, narrowed to its own disputes for a distributor. */
import type { Filter } from '@cl/read-models';
import type { Principal } from '../../shared/auth/principal';
import { isoInstant } from '../../clients/read-params';
import type { ListDisputesParams } from './list-disputes.dto';

/** Newest first, then by id: a total order, so pages neither repeat nor skip a dispute. */
export const DISPUTE_ORDER = { openedAt: -1, _id: 1 } as const;

type FilterParams = Pick<ListDisputesParams, 'party' | 'status' | 'subjectKind' | 'clientId' | 'openedFrom' | 'openedTo'>;

export function disputeFilter(params: FilterParams, viewer: Principal): Filter {
  const { status, subjectKind, clientId } = params;
  return {
    ...partyFilter(params.party, viewer),
    ...(status !== undefined ? { status } : {}),
    ...(subjectKind !== undefined ? { subjectKind } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...periodFilter(params.openedFrom, params.openedTo),
  };
}

/**
 * A distributor's own key always applies: asking for another side then finds the disputes between
 * the two, never another distributor's disputes with someone else.
 */
function partyFilter(party: string | undefined, viewer: Principal): Filter {
  const own = viewer.party === 'distributor' ? `distributor:${viewer.distributorId ?? ''}` : undefined;
  const keys = [...new Set([own, party].filter((k): k is string => k !== undefined))];
  if (keys.length === 0) return {};
  return { partyKeys: keys.length === 1 ? keys[0] : { $all: keys } };
}

/** Stored instants are ISO strings in UTC, so the bounds compare as text once written the same way. */
function periodFilter(from: string | undefined, to: string | undefined): Filter {
  if (from === undefined && to === undefined) return {};
  return {
    openedAt: {
      ...(from !== undefined ? { $gte: isoInstant(from) } : {}),
      ...(to !== undefined ? { $lt: isoInstant(to) } : {}),
    },
  };
}
