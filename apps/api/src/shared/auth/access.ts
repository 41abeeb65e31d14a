import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Party } from './principal';

export const ACCESS_KEY = 'channel-ledger:access';

/**
 * Declares who may call a route. Every route declares one: the guard refuses routes without it, so a
 * forgotten declaration fails closed. What a distributor may *see* is narrowed further in the query
 * layer. The rule is also published in the OpenAPI document as `x-access`, which the route × role
 * test reads, so a new route is covered by it without anyone listing it.
 */
export type AccessRule = { public: true } | { parties: Party[] };

export const Public = () => {
  const rule: AccessRule = { public: true };
  return applyDecorators(SetMetadata(ACCESS_KEY, rule), ApiExtension('x-access', rule));
};

export const AllowParties = (...parties: Party[]) => {
  const rule: AccessRule = { parties };
  return applyDecorators(SetMetadata(ACCESS_KEY, rule), ApiExtension('x-access', rule), ApiBearerAuth());
};
