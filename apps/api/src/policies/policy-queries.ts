import type { Provider, Type } from '@nestjs/common';

/** The policy read side (queries over the `policies` read model). */
export const policyQueryControllers: Type[] = [];
export const policyQueryProviders: Provider[] = [];
