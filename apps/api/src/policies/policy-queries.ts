import type { Provider, Type } from '@nestjs/common';
import { GetPolicyController } from './get-policy/get-policy.controller';
import { GetPolicyHandler } from './get-policy/get-policy.handler';
import { ListPoliciesController } from './list-policies/list-policies.controller';
import { ListPoliciesHandler } from './list-policies/list-policies.handler';
import { TermsInForceController } from './terms-in-force/terms-in-force.controller';
import { TermsInForceHandler } from './terms-in-force/terms-in-force.handler';

/** The policy read side (queries over the `policies` read model), spread into PoliciesModule. */
export const policyQueryControllers: Type[] = [ListPoliciesController, GetPolicyController, TermsInForceController];
export const policyQueryProviders: Provider[] = [ListPoliciesHandler, GetPolicyHandler, TermsInForceHandler];
