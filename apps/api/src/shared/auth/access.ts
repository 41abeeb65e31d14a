import { SetMetadata } from '@nestjs/common';
import type { Party } from './principal';

export const ACCESS_KEY = 'channel-ledger:access';

/**
 * Declares who may call a route. Every route declares one: the guard refuses routes without it, so a
 * forgotten declaration fails closed. What a distributor may *see* is narrowed further in the query layer.
 */
export type AccessRule = { public: true } | { parties: Party[] };

export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
export const AllowParties = (...parties: Party[]) => SetMetadata(ACCESS_KEY, { parties } satisfies AccessRule);
