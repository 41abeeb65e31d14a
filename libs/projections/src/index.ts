export * from './projection';
export * from './projector';
export * from './reactor';
export * from './distributors/distributors.projection';
export * from './distributors/territories-in-force';
export * from './policies/policies.projection';
export * from './policies/policy-state';
export { territoryPath, type ActedBy } from './clients/envelope';
export * from './clients/clients.projection';
export * from './clients/client-timeline.projection';
export * from './clients/transfer-requests.projection';
export * from './clients/claims-register.projection';
export * from './disputes/disputes.projection';
export * from './sales/sales.projection';
export * from './sales/sales-totals.projection';
export * from './sales/channel-prices.projection';
export * from './sales/price-compliance.projection';
export * from './sales/special-prices.projection';
export * from './settlements/settlements.projection';
export * from './promotion/promotion.projection';
export * from './promotion/budget-totals';
export * from './webhooks/webhooks.projection';
import { claimsRegisterProjection } from './clients/claims-register.projection';
import { clientTimelineProjection } from './clients/client-timeline.projection';
import { clientsProjection } from './clients/clients.projection';
import { transferRequestsProjection } from './clients/transfer-requests.projection';
import { disputesProjection } from './disputes/disputes.projection';
import { distributorsProjection } from './distributors/distributors.projection';
import { policiesProjection } from './policies/policies.projection';
import { promotionProjection } from './promotion/promotion.projection';
import { channelPricesProjection } from './sales/channel-prices.projection';
import { priceComplianceProjection } from './sales/price-compliance.projection';
import { salesTotalsProjection } from './sales/sales-totals.projection';
import { salesProjection } from './sales/sales.projection';
import { specialPricesProjection } from './sales/special-prices.projection';
import { settlementsProjection } from './settlements/settlements.projection';
import { webhooksProjection } from './webhooks/webhooks.projection';
import type { Projection } from './projection';

/** Every read model of the application. */
export const allProjections: Projection[] = [
  distributorsProjection,
  policiesProjection,
  clientsProjection,
  clientTimelineProjection,
  transferRequestsProjection,
  claimsRegisterProjection,
  disputesProjection,
  salesProjection,
  salesTotalsProjection,
  channelPricesProjection,
  priceComplianceProjection,
  specialPricesProjection,
  settlementsProjection,
  promotionProjection,
  webhooksProjection,
];
