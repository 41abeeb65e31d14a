/**
 * An obligation: something one party of a policy owes the other by a due date. Obligations are not
 * recorded: they are derived from the terms in force and the settlements (see derive.ts), and an
 * obligation's id is derived from its source, so the facts recorded against it (evidence, reports,
 * meetings, payments, waivers) find it again however often it is derived.
 */
import { assertNever } from '../shared/types';
import type { CommitmentKind, MeetingCadence, Money, Party, ReportingCadence } from '../policy/terms';

export type ObligationKind = 'qualification' | 'sales-script' | 'commitment' | 'report' | 'meeting' | 'payment';

/** A period an obligation belongs to: `periodEnd` is the first day after it. */
export interface ObligationPeriod {
  period: string;
  periodStart: string;
  periodEnd: string;
}

export type ObligationSubject =
  | { kind: 'qualification'; role: string; qualification: string; headcount: number }
  | { kind: 'sales-script'; title: string; version: string; documentRef: string }
  | ({ kind: 'commitment'; commitmentId: string; commitmentKind: CommitmentKind } & Partial<ObligationPeriod>)
  | ({ kind: 'report'; cadence: ReportingCadence } & ObligationPeriod)
  | ({ kind: 'meeting'; cadence: MeetingCadence } & ObligationPeriod)
  | { kind: 'payment'; period: string; amount: Money; paymentDue: string; closedAt: string };

/** Retired: an amendment dropped it, or the policy ended, before it fell due. It stays on record. */
export interface Retirement {
  /** The instant from which it is no longer owed. */
  from: string;
  reason: 'amendment' | 'policy-ended';
  /** The terms version that dropped it (for an amendment). */
  termsVersion?: number;
}

export type Obligation = ObligationSubject & {
  /** Stable, derived from the source: 'qual:<role>:<qualification>', 'report:2026-03', 'payment:2026-Q1', … */
  id: string;
  policyId: string;
  responsibleParty: Party;
  /** The party the obligation protects: the only one that may accept, dispute or waive. */
  protectedParty: Party;
  /** The last day (UTC) on which keeping it is on time. */
  due: string;
  /** The terms version that defines it as it now stands (a payment: the version its settlement used). */
  termsVersion: number;
  description: string;
  retired?: Retirement;
};

/** How an obligation is kept: evidence the protected party accepts, or a fact of its own kind. */
export type Fulfilment = 'evidence' | 'report' | 'meeting' | 'payment';

export function fulfilmentOf(o: Pick<Obligation, 'kind'>): Fulfilment {
  switch (o.kind) {
    case 'qualification':
    case 'sales-script':
    case 'commitment':
      return 'evidence';
    case 'report':
    case 'meeting':
    case 'payment':
      return o.kind;
    default:
      return assertNever(o.kind);
  }
}

/** Units of accepted evidence that fulfil an evidenced obligation: the headcount, else one. */
export const requiredCount = (o: Obligation): number => (o.kind === 'qualification' ? o.headcount : 1);

export const otherParty = (party: Party): Party => (party === 'company' ? 'distributor' : 'company');

export const reportObligationId = (period: string) => `report:${period}`;
export const meetingObligationId = (period: string) => `meeting:${period}`;
export const paymentObligationId = (period: string) => `payment:${period}`;
