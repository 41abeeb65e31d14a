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
import { claimsRegisterProjection } from './clients/claims-register.projection';
import { clientTimelineProjection } from './clients/client-timeline.projection';
import { clientsProjection } from './clients/clients.projection';
import { transferRequestsProjection } from './clients/transfer-requests.projection';
import { disputesProjection } from './disputes/disputes.projection';
import { distributorsProjection } from './distributors/distributors.projection';
import { policiesProjection } from './policies/policies.projection';
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
];
