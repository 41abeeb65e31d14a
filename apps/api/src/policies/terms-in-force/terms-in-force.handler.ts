import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { termsInForceOn, toMillis } from '@cl/domain/policy';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { policyStateOf } from '@cl/projections/policies/policy-state';
import type { Principal } from '../../shared/auth/principal';
import { ApiProblem } from '../../shared/problem/problem';
import { findVisiblePolicy } from '../policy-read';
import type { TermsInForceView } from '../policy-view.dto';

export class TermsInForceQuery extends Query<TermsInForceView> {
  constructor(
    readonly id: string,
    /** Validated by the DTO: a date or an ISO instant with an offset. */
    readonly at: string | Date,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** The domain's own rule (`termsInForceOn`) over the read model's document, folded back into the domain's shape. */
@QueryHandler(TermsInForceQuery)
export class TermsInForceHandler implements IQueryHandler<TermsInForceQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ id, at, viewer }: TermsInForceQuery): Promise<TermsInForceView> {
    const doc = await findVisiblePolicy(this.store, id, viewer);
    const instant = new Date(toMillis(at)).toISOString();
    const governing = termsInForceOn(policyStateOf(doc), at);
    if (!governing)
      throw new ApiProblem(404, 'POLICY.NO_TERMS_IN_FORCE', `No terms of policy ${id} were in force at ${instant}`, { at: instant });
    const { policyId, termsVersion, termsHash, effectiveFrom, amendmentNo, terms } = governing;
    return { policyId, at: instant, termsVersion, termsHash, effectiveFrom, ...(amendmentNo ? { amendmentNo } : {}), terms };
  }
}
