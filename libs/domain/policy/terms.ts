/**
 * The terms of a commercial policy: what both parties sign. Plain JSON data, so a version can be
 * stored in an event, hashed outside the domain and compared. Money is always an integer count of
 * minor units with an ISO 4217 currency (never a float); percentages are integer basis points
 * (1% = 100 bp; an attainment of 100% = 10 000 bp).
 */
import { canonicalJson } from '../shared/canonical-json';

export interface Money {
  /** Integer minor units (grosze, cents). */
  minor: number;
  /** ISO 4217, three upper-case letters. */
  currency: string;
}

export type Party = 'company' | 'distributor';
export type Granularity = 'month' | 'quarter';

export interface CategoryAmount {
  category: string;
  amount: Money;
}

export interface PlanPeriod {
  /** '2026-01' for a month, '2026-Q1' for a quarter. */
  period: string;
  amount: Money;
  /** Optional split by product category; when present it sums exactly to `amount`. */
  byCategory?: CategoryAmount[];
}

export interface Plan {
  granularity: Granularity;
  /** Every period of the policy's year, each exactly once. */
  periods: PlanPeriod[];
}

export interface StaffQualification {
  role: string;
  qualification: string;
  headcount: number;
  /** ISO date (YYYY-MM-DD) by which the staff must hold the qualification. */
  deadline: string;
}

export interface SalesScript {
  title: string;
  version: string;
  documentRef: string;
}

export interface Obligations {
  staffQualifications: StaffQualification[];
  salesScripts: SalesScript[];
}

export type CommitmentKind = 'training' | 'lead-response' | 'website-content' | 'other';
export type CommitmentRecurrence = 'monthly' | 'quarterly';

/** A promise the company makes to the distributor. Exactly one of `due` and `recurrence` is given. */
export interface CompanyCommitment {
  /** Unique within the terms; names the obligation (`commitment:<id>`), so letters, digits, '.', '_', '-'. */
  id: string;
  kind: CommitmentKind;
  description: string;
  /** ISO date (YYYY-MM-DD) by which a one-off commitment is kept. */
  due?: string;
  /** A commitment kept in every month or quarter of the policy, by the period's last day. */
  recurrence?: CommitmentRecurrence;
}

export type ReportingCadence = 'weekly' | 'monthly' | 'quarterly';
export type MeetingCadence = 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';

export interface Contact {
  party: Party;
  name: string;
  email: string;
  role: string;
}

export interface Communication {
  reportingCadence: ReportingCadence;
  /** Day of the month a report is due; at most 28 so that every month has it. */
  reportDueDay: number;
  contacts: Contact[];
  meetingCadence: MeetingCadence;
}

export interface Settlement {
  paymentTermsDays: number;
  settlementPeriod: Granularity;
  currency: string;
}

export type BonusMode = 'retroactive' | 'incremental';

export interface BonusTier {
  /** Plan attainment at which the tier starts, in bp (10 000 = 100% of plan). */
  thresholdBp: number;
  /** Bonus rate in bp of the volume it applies to. */
  rateBp: number;
}

export interface BonusTerms {
  /**
   * retroactive: once a threshold is reached its rate applies to the whole volume;
   * incremental: each tier's rate applies only to the volume between its threshold and the next.
   */
  mode: BonusMode;
  /** Strictly ascending thresholds. No tiers means no bonus. */
  tiers: BonusTier[];
}

export interface PromotionTerms {
  /** Promotion budget as a share of the planned volume, in bp. */
  budgetBp: number;
  /** Who funds the budget; the two shares sum to 10 000 bp. */
  funding: { companyBp: number; distributorBp: number };
}

export interface Website {
  /** http(s) URL. */
  url: string;
  contentOwner: Party;
  /** Kinds of content that need the other party's approval before publication. */
  approvalRequiredFor: string[];
}

export interface PriceFloor {
  sku: string;
  /** Minimum selling price per unit, in the settlement currency. */
  minUnitPrice: Money;
}

export interface DiscretionBand {
  segment: string;
  /** How far above the floor the company may price for a client of this segment, in bp of the floor. */
  maxAboveFloorBp: number;
}

export interface DivisionConditions {
  segment?: string;
  /** ISO 3166 code; a country code also covers its subdivisions ('PL' covers 'PL-MZ'). */
  territory?: string;
  /** The client's annual volume must be at least this (settlement currency). */
  minAnnualVolume?: Money;
  /** See `assignClient` for how an existing relationship is judged. */
  existingRelationship?: boolean;
}

export interface DivisionRule {
  id: string;
  owner: Party;
  /** Every given condition must hold (AND); at least one is given. */
  when: DivisionConditions;
}

export interface DivisionCriteria {
  /** Ordered: the first matching rule decides. */
  rules: DivisionRule[];
  defaultOwner: Party;
}

export interface PolicyTerms {
  /** The distributor's territories (ISO 3166, e.g. 'PL' or 'PL-MZ'): they change only through a policy. */
  territories: string[];
  plan: Plan;
  obligations: Obligations;
  /** Optional: terms written before company commitments existed stay valid without them. */
  companyCommitments?: CompanyCommitment[];
  communication: Communication;
  settlement: Settlement;
  bonus: BonusTerms;
  promotion: PromotionTerms;
  websites: Website[];
  priceFloors: PriceFloor[];
  discretionBands: DiscretionBand[];
  divisionCriteria: DivisionCriteria;
  /** How many days a client hand-over may take. */
  handOverDays: number;
}

/** Terms hashes are computed outside the domain over this serialisation, so two honest signers agree. */
export { canonicalJson };

export const sameTerms = (a: PolicyTerms, b: PolicyTerms): boolean => canonicalJson(a) === canonicalJson(b);
