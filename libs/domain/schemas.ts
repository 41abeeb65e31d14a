/** Every event type the domain knows, with its current schema version: the one registry used to read events. */
import type { EventSchemas } from './shared/schemas';
import { distributorEventSchemas } from './distributor/events';
import { personalDataEventSchemas } from './personal-data/events';
import { policyEventSchemas } from './policy/events';

export const allEventSchemas: EventSchemas = {
  ...distributorEventSchemas,
  ...personalDataEventSchemas,
  ...policyEventSchemas,
};
