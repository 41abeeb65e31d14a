export * from './projection';
export * from './projector';
export * from './distributors/distributors.projection';
import { distributorsProjection } from './distributors/distributors.projection';
import type { Projection } from './projection';

/** Every read model of the application. */
export const allProjections: Projection[] = [distributorsProjection];
