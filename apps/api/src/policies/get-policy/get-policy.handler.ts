import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { AmendmentView as StoredAmendment, PolicyDoc } from '@cl/projections/policies/policies.projection';
import { amendmentsOf, signaturesOf, versionsOf } from '@cl/projections/policies/policy-state';
import type { Principal } from '../../shared/auth/principal';
import { findVisiblePolicy, toPolicySummary } from '../policy-read';
import type { AmendmentView, PolicyView } from '../policy-view.dto';

export class GetPolicyQuery extends Query<PolicyView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetPolicyQuery)
export class GetPolicyHandler implements IQueryHandler<GetPolicyQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ id, viewer }: GetPolicyQuery): Promise<PolicyView> {
    return toPolicyView(await findVisiblePolicy(this.store, id, viewer));
  }
}

/** Keyed maps of the read model become arrays in order; signatures carry their party. */
function toPolicyView(doc: PolicyDoc): PolicyView {
  return {
    ...toPolicySummary(doc),
    currentTerms: doc.versions[doc.currentVersion].terms,
    versions: versionsOf(doc).map((v) => ({ ...v, signatures: signaturesOf(v) })),
    inForce: doc.inForce,
    amendments: amendmentsOf(doc).map(toAmendmentView),
    ...(doc.termination ? { termination: doc.termination } : {}),
  };
}

const toAmendmentView = (a: StoredAmendment): AmendmentView => ({ ...a, signatures: signaturesOf(a) });
