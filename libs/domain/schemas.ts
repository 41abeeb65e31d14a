/** Every event type the domain knows, with its current schema version: the one registry used to read events. */
import type { EventSchemas } from './shared/schemas';
import { clientEventSchemas, clientTaxIdEventSchemas } from './client/events';
import { disputeEventSchemas } from './dispute/events';
import { distributorEventSchemas } from './distributor/events';
import { obligationsEventSchemas } from './obligations/events';
import { personalDataEventSchemas } from './personal-data/events';
import { policyEventSchemas } from './policy/events';
import { promotionEventSchemas } from './promotion/events';
import { salesEventSchemas } from './sales/events';
import { settlementEventSchemas } from './settlement/events';
import { webhookEventSchemas } from './webhook/events';

export const allEventSchemas: EventSchemas = {
  ...clientEventSchemas,
  ...clientTaxIdEventSchemas,
  ...disputeEventSchemas,
  ...distributorEventSchemas,
  ...obligationsEventSchemas,
  ...personalDataEventSchemas,
  ...policyEventSchemas,
  ...promotionEventSchemas,
  ...salesEventSchemas,
  ...settlementEventSchemas,
  ...webhookEventSchemas,
};
