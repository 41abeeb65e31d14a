import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';

export type DistributorRegistered = Event<
  'DistributorRegistered',
  { distributorId: string; name: string; territories: string[]; registeredAt: string }
>;
export type DistributorRenamed = Event<'DistributorRenamed', { distributorId: string; name: string; renamedAt: string }>;

export type DistributorEvent = DistributorRegistered | DistributorRenamed;

export const distributorEventSchemas: EventSchemas = {
  DistributorRegistered: { version: 1 },
  DistributorRenamed: { version: 1 },
};

export const distributorStream = (distributorId: string) => `distributor-${distributorId}`;
