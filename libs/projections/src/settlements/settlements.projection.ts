/**
 * The `settlements` read model: one document per closed plan period of a policy. A period is closed
 * once; sales booked after its close into its dates are settled by a later close as an adjustment.
 * That adjustment is written twice: onto the adjusted period (its settled actual and bonus move, and
 * it lists the adjustment under `adjustments`) and, as carried, onto the closing period's own document
 * (`adjustmentsCarried`, part of its `payable`).
 *
 * The adjusted period's update is guarded by the closing period (`adjustments.closedIn`), so applying
 * the same close twice cannot move `settledBonusMinor` twice. Periods of a policy share one stream
 * (`settlement-<policyId>`): `revision` is the stream revision of the last event that changed the doc.
 */
import { parsePolicyId } from '@cl/domain/policy/events';
import type { BonusMode, Money } from '@cl/domain/policy/terms';
import type { PeriodAdjustment, PeriodClosed, SettlementEvent } from '@cl/domain/settlement/events';
import type { Doc, WriteOp } from '@cl/read-models';
import { stamp } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';

export const SETTLEMENTS = 'settlements';

/** A later close's change to this period. */
export interface ReceivedAdjustmentView {
  /** The period whose close recorded it. */
  closedIn: string;
  actualDelta: Money;
  bonusDelta: Money;
  /** The period's actual and attainment as recomputed then. */
  actualNow: Money;
  attainmentBpNow: number;
  /** The closedAt of that close. */
  at: string;
}

export interface SettlementDoc extends Doc {
  /** `${policyId}|${period}` */
  _id: string;
  policyId: string;
  /** From the policy id (`<distributorId>-<year>`); null only for an id that does not parse. */
  distributorId: string | null;
  period: string;
  termsVersion: number;
  currency: string;
  plan: Money;
  /** At the close. */
  actual: Money;
  attainmentBp: number;
  bonusMode: BonusMode;
  /** The highest tier reached (bp); null when none was. */
  tierThresholdBp: number | null;
  bonus: Money;
  /** The adjustments to earlier periods this close recorded (included in `payable`). */
  adjustmentsCarried: PeriodAdjustment[];
  /** bonus + Σ adjustmentsCarried' bonusDelta. */
  payable: Money;
  paymentTermsDays: number;
  paymentDue: string;
  salesUpToPosition: number;
  closedAt: string;
  /** The actual, bonus and attainment settled for this period so far: at its close, then as later closes adjusted them. */
  settledActualMinor: number;
  settledBonusMinor: number;
  settledAttainmentBp: number;
  /** Later closes' changes to this period, in order. */
  adjustments: ReceivedAdjustmentView[];
  revision: number;
  updatedAt: string;
}

export const settlementId = (policyId: string, period: string) => `${policyId}|${period}`;

export const settlementsProjection: Projection = {
  name: 'settlements',
  collections: [SETTLEMENTS],
  /** Plan vs actual and the settlements list read a policy's closes. */
  indexes: [{ collection: SETTLEMENTS, fields: ['policyId'] }],
  project(event) {
    const e = event as ProjectedEvent<SettlementEvent>;
    if (e.type !== 'PeriodClosed') return [];
    return [{ op: 'replace', collection: SETTLEMENTS, doc: closed(e) }, ...e.data.adjustments.map((a) => adjusted(e, a))];
  },
};

function closed(e: ProjectedEvent<PeriodClosed>): SettlementDoc {
  const d = e.data;
  return {
    _id: settlementId(d.policyId, d.period),
    policyId: d.policyId,
    distributorId: parsePolicyId(d.policyId)?.distributorId ?? null,
    period: d.period,
    termsVersion: d.termsVersion,
    currency: d.plan.currency,
    plan: d.plan,
    actual: d.actual,
    attainmentBp: d.attainmentBp,
    bonusMode: d.bonusMode,
    tierThresholdBp: d.tierThresholdBp ?? null,
    bonus: d.bonus,
    adjustmentsCarried: d.adjustments,
    payable: d.payable,
    paymentTermsDays: d.paymentTermsDays,
    paymentDue: d.paymentDue,
    salesUpToPosition: d.salesUpToPosition,
    closedAt: d.closedAt,
    settledActualMinor: d.actual.minor,
    settledBonusMinor: d.bonus.minor,
    settledAttainmentBp: d.attainmentBp,
    adjustments: [],
    ...stamp(e),
  };
}

function adjusted(e: ProjectedEvent<PeriodClosed>, a: PeriodAdjustment): WriteOp {
  const { policyId, period: closedIn, closedAt } = e.data;
  const received: ReceivedAdjustmentView = {
    closedIn,
    actualDelta: a.actualDelta,
    bonusDelta: a.bonusDelta,
    actualNow: a.actualNow,
    attainmentBpNow: a.attainmentBpNow,
    at: closedAt,
  };
  return {
    op: 'update',
    collection: SETTLEMENTS,
    filter: { _id: settlementId(policyId, a.period), 'adjustments.closedIn': { $ne: closedIn } },
    update: {
      $set: { settledActualMinor: a.actualNow.minor, settledAttainmentBp: a.attainmentBpNow, ...stamp(e) },
      $inc: { settledBonusMinor: a.bonusDelta.minor },
      $push: { adjustments: received },
    },
  };
}
