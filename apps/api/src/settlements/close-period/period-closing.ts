/**
 * Closing a period: the company settles a plan period of a distributor's policy. The sales counted
 * are exactly those in the log when the request began: the head position is taken first and the
 * `sales_totals` read model is waited for until it has applied up to it, so two closes never count a
 * sale differently and a sale booked a millisecond before the request is in. The terms are read from
 * the policy stream (not a projection): those in force at the last instant of the period govern.
 */
import { Inject, Injectable } from '@nestjs/common';
import { isPolicy, periodsOf, termsInForceOn, type Money, type Policy } from '@cl/domain/policy';
import { DomainError } from '@cl/domain/shared/errors';
import {
  periodEnd,
  settlementDecider,
  settlementStream,
  settlementTermsFrom,
  SettlementErrors,
  type ClosePeriod,
  type SettlementEvent,
  type SettlementState,
} from '@cl/domain/settlement';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { SALES_TOTALS, salesTotalsProjection, type PolicyPeriodTotalDoc } from '@cl/projections/sales/sales-totals.projection';
import { PolicyLookup } from '../../clients/policy-lookup';
import { ProjectorService } from '../../infrastructure/projector.service';
import { CommandPipeline, type CommandOutcome } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';
import { ApiProblem } from '../../shared/problem/problem';

/** How long a close waits for the sales ledger to catch up before answering 503. */
export const SALES_CATCH_UP_MS = 5_000;
export const RETRY_AFTER_SECONDS = 2;

/**
 * A concurrent close (of another period of the same policy) wins the settlement stream: this close
 * then starts over — a new head, the totals read again — rather than re-deciding on actuals read
 * before the winner's, which could be older than the sales the winner counted.
 */
const CLOSE_CONFLICT_RETRIES = 3;

@Injectable()
export class PeriodClosing {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projector: ProjectorService,
    private readonly policies: PolicyLookup,
    private readonly pipeline: CommandPipeline,
  ) {}

  async close(policyId: string, period: string, ctx: RequestContext, retries = CLOSE_CONFLICT_RETRIES): Promise<CommandOutcome<SettlementEvent>> {
    try {
      return await this.closeOnce(policyId, period, ctx);
    } catch (error) {
      const concurrent = error instanceof WrongExpectedRevisionError && ctx.ifMatch === undefined && retries > 0;
      if (!concurrent) throw error;
      return this.close(policyId, period, ctx, retries - 1);
    }
  }

  private async closeOnce(policyId: string, period: string, ctx: RequestContext): Promise<CommandOutcome<SettlementEvent>> {
    const head = await this.events.headPosition();
    await this.salesCaughtUp(head);
    const policy = await this.existingPolicy(policyId);
    const terms = governingTerms(policy, period);
    const sold = await this.actualsOf(policyId);
    return this.pipeline.run({
      stream: settlementStream(policyId),
      decider: settlementDecider,
      command: (state: SettlementState): ClosePeriod => ({
        type: 'ClosePeriod',
        data: { policyId, period, terms, actuals: withClosedPeriods(sold, state, terms.currency), salesUpToPosition: head },
        context: ctx,
      }),
      request: ctx,
    });
  }

  private async salesCaughtUp(head: number): Promise<void> {
    try {
      await this.projector.caughtUp(salesTotalsProjection.name, head, SALES_CATCH_UP_MS);
    } catch {
      throw new ApiProblem(
        503,
        'SETTLEMENT.SALES_NOT_CAUGHT_UP',
        'The sales ledger is still catching up with recent sales; retry shortly',
        {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
      );
    }
  }

  private async existingPolicy(policyId: string): Promise<Policy> {
    const state = await this.policies.policyState(policyId);
    if (!isPolicy(state)) throw new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${policyId} was not found`);
    return state;
  }

  /** Net actual per period of this policy (distributor sales under it); a period with no sales has no entry. */
  private async actualsOf(policyId: string): Promise<Record<string, Money>> {
    const totals = await this.reads.find<PolicyPeriodTotalDoc>(SALES_TOTALS, { kind: 'policy-period', policyId });
    return Object.fromEntries(totals.map((t) => [t.period, { minor: t.actualMinor, currency: t.currency }]));
  }
}

/**
 * Every period closed before must be given (its actual may have moved since); one whose sales were
 * all cancelled, or that had none, has no sales total and is given as zero.
 */
function withClosedPeriods(sold: Record<string, Money>, state: SettlementState, currency: string): Record<string, Money> {
  const zeros = Object.keys(state.closed).map((period) => [period, { minor: 0, currency }] as const);
  return { ...Object.fromEntries(zeros), ...sold };
}

/** The settlement terms of the version in force at the period's last instant. */
function governingTerms(policy: Policy, period: string): ClosePeriod['data']['terms'] {
  if (!period.startsWith(`${policy.year}-`))
    throw SettlementErrors.unknownPeriod(period, periodsOf(policy.year, policy.currentTerms.plan.granularity));
  const endsAt = periodEnd(period);
  const governing = termsInForceOn(policy, new Date(Date.parse(endsAt) - 1));
  if (!governing) throw noTermsInForce(policy, period, endsAt);
  return settlementTermsFrom(policy.year, governing.termsVersion, governing.terms);
}

function noTermsInForce(policy: Policy, period: string, endsAt: string): DomainError {
  const { policyId, firstEffectiveFrom, endedAt } = policy;
  const why = !firstEffectiveFrom
    ? 'it has not come into force'
    : endedAt && Date.parse(endedAt) < Date.parse(endsAt)
      ? `it ended at ${endedAt}`
      : `it came into force at ${firstEffectiveFrom}`;
  return new DomainError(
    'SETTLEMENT.NO_TERMS_IN_FORCE',
    'conflict',
    `No terms of policy ${policyId} were in force at the end of ${period}: ${why}`,
    {
      policyId,
      period,
      periodEndsAt: endsAt,
      ...(firstEffectiveFrom ? { firstEffectiveFrom } : {}),
      ...(endedAt ? { endedAt } : {}),
    },
  );
}
