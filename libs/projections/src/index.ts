export * from './projection';
export * from './projector';
export * from './distributors/distributors.projection';
export * from './distributors/territories-in-force';
export * from './policies/policies.projection';
export * from './policies/policy-state';
import { distributorsProjection } from './distributors/distributors.projection';
import { policiesProjection } from './policies/policies.projection';
import type { Projection } from './projection';

/** Every read model of the application. */
export const allProjections: Projection[] = [distributorsProjection, policiesProjection];
