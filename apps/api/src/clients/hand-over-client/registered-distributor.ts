import { distributorStream } from '@cl/domain/distributor/events';
import type { Side } from '@cl/domain/shared/sides';
import type { EventStore } from '@cl/event-store';
import { ApiProblem } from '../../shared/problem/problem';

/**
 * A client is handed only to a distributor that exists. Asked of the distributor's stream, not of the
 * read model: a distributor registered a moment ago may not be projected yet.
 */
export async function requireRegisteredSide(events: EventStore, side: Side, field: string): Promise<void> {
  if (side.party !== 'distributor') return;
  const [registered] = await events.readStream(distributorStream(side.distributorId), { maxCount: 1 });
  if (registered) return;
  throw new ApiProblem(422, 'CLIENT.UNKNOWN_DISTRIBUTOR', `No distributor ${side.distributorId} is registered`, {
    errors: [{ field: `${field}.distributorId`, message: `no distributor ${side.distributorId} is registered` }],
  });
}
