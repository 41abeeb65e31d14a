/** Every event type the domain knows, with its current schema version: the one registry used to read events. */
import type { EventSchemas } from './shared/schemas';
import { distributorEventSchemas } from './distributor/events';

export const allEventSchemas: EventSchemas = {
  ...distributorEventSchemas,
};
