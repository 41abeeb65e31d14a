/**
 * `validateTerms` judges a whole set of terms against the policy year and the configured bounds and
 * returns every problem found (an empty list means valid). Pure and total: it never throws, whatever
 * shape the input has, so the decider can turn the list into one 422 with all field errors.
 */
import { coversTerritory } from './division';
import { isIsoDate } from './calendar';
import {
  at,
  bool,
  currency,
  each,
  int,
  isCurrency,
  isObj,
  money,
  obj,
  oneOf,
  territory,
  text,
  unique,
  type Errors,
  type FieldError,
} from './field-checks';
import { checkKnownFields } from './known-fields';
import { checkPlan } from './validate-plan';
import {
  checkBonus,
  checkDiscretionBands,
  checkPriceFloors,
  checkPromotion,
  DEFAULT_TERMS_BOUNDS,
  type TermsBounds,
} from './validate-commercial';
import type { CompanyCommitment, Communication, Contact, DivisionConditions, Party, Settlement } from './terms';

const PARTIES: readonly Party[] = ['company', 'distributor'];
const REPORTING: readonly Communication['reportingCadence'][] = ['weekly', 'monthly', 'quarterly'];
const MEETINGS: readonly Communication['meetingCadence'][] = ['weekly', 'monthly', 'quarterly', 'semiannual', 'annual'];
const COMMITMENT_KINDS: readonly CompanyCommitment['kind'][] = ['training', 'lead-response', 'website-content', 'other'];
const RECURRENCES: readonly NonNullable<CompanyCommitment['recurrence']>[] = ['monthly', 'quarterly'];
const COMMITMENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const SETTLEMENT_PERIODS: readonly Settlement['settlementPeriod'][] = ['month', 'quarter'];
const CONDITIONS: readonly (keyof DivisionConditions)[] = ['segment', 'territory', 'minAnnualVolume', 'existingRelationship'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;

export function validateTerms(terms: unknown, year: number, bounds: TermsBounds = DEFAULT_TERMS_BOUNDS): FieldError[] {
  const out: Errors = [];
  if (!obj(out, 'terms', terms)) return out;
  // Every amount is in the settlement currency; when that is unknown the per-amount check is skipped.
  const settlement = isObj(terms.settlement) && isCurrency(terms.settlement.currency) ? terms.settlement.currency : undefined;
  checkKnownFields(out, terms);
  const territories = checkTerritories(out, terms.territories);
  checkPlan(out, terms.plan, year, settlement);
  checkObligations(out, terms.obligations, year);
  if (terms.companyCommitments !== undefined) checkCommitments(out, terms.companyCommitments, year);
  checkCommunication(out, terms.communication);
  checkSettlement(out, terms.settlement);
  checkBonus(out, terms.bonus);
  checkPromotion(out, terms.promotion, bounds);
  checkWebsites(out, terms.websites);
  checkPriceFloors(out, terms.priceFloors, settlement);
  checkDiscretionBands(out, terms.discretionBands);
  checkDivision(out, terms.divisionCriteria, territories, settlement);
  int(out, 'handOverDays', terms.handOverDays, 1, 90);
  return out;
}

/** Returns the well-formed territories, so division rules can be checked against them. */
function checkTerritories(out: Errors, value: unknown): string[] {
  if (!each(out, 'territories', value, (t, path) => territory(out, path, t))) return [];
  if (value.length === 0) out.push({ field: 'territories', message: 'must name at least one territory' });
  unique(out, 'territories', value);
  const valid = value.filter((t): t is string => typeof t === 'string');
  valid.forEach((t, i) => {
    const wider = valid.find((w) => w !== t && coversTerritory([w], t));
    if (wider) out.push({ field: at('territories', i), message: `is already covered by ${wider}` });
  });
  return valid;
}

function checkObligations(out: Errors, value: unknown, year: number): void {
  if (!obj(out, 'obligations', value)) return;
  const yearStart = `${year}-01-01`;
  each(out, 'obligations.staffQualifications', value.staffQualifications, (q, path) => {
    if (!obj(out, path, q)) return;
    text(out, at(path, 'role'), q.role);
    text(out, at(path, 'qualification'), q.qualification);
    int(out, at(path, 'headcount'), q.headcount, 1);
    // ISO dates compare correctly as text once known to be YYYY-MM-DD.
    if (!isIsoDate(q.deadline) || q.deadline < yearStart) {
      out.push({ field: at(path, 'deadline'), message: `must be an ISO date (YYYY-MM-DD) on or after ${yearStart}` });
    }
  });
  each(out, 'obligations.salesScripts', value.salesScripts, (s, path) => {
    if (!obj(out, path, s)) return;
    text(out, at(path, 'title'), s.title);
    text(out, at(path, 'version'), s.version);
    text(out, at(path, 'documentRef'), s.documentRef);
  });
}

function checkCommitments(out: Errors, value: unknown, year: number): void {
  const yearStart = `${year}-01-01`;
  const ok = each(out, 'companyCommitments', value, (c, path) => {
    if (!obj(out, path, c)) return;
    if (typeof c.id !== 'string' || !COMMITMENT_ID.test(c.id)) {
      out.push({ field: at(path, 'id'), message: "must be 1–100 letters, digits, '.', '_' or '-'" });
    }
    oneOf(out, at(path, 'kind'), c.kind, COMMITMENT_KINDS);
    text(out, at(path, 'description'), c.description);
    // One-off or recurring, never both: the obligations derived from it must be unambiguous.
    if ((c.due === undefined) === (c.recurrence === undefined)) {
      out.push({ field: path, message: 'must give either a due date or a recurrence, not both' });
    }
    if (c.due !== undefined && (!isIsoDate(c.due) || c.due < yearStart)) {
      out.push({ field: at(path, 'due'), message: `must be an ISO date (YYYY-MM-DD) on or after ${yearStart}` });
    }
    if (c.recurrence !== undefined) oneOf(out, at(path, 'recurrence'), c.recurrence, RECURRENCES);
  });
  if (ok)
    unique(
      out,
      'companyCommitments',
      (value as unknown[]).map((c) => (isObj(c) ? c.id : undefined)),
      'id',
    );
}

function checkCommunication(out: Errors, value: unknown): void {
  if (!obj(out, 'communication', value)) return;
  oneOf(out, 'communication.reportingCadence', value.reportingCadence, REPORTING);
  int(out, 'communication.reportDueDay', value.reportDueDay, 1, 28);
  oneOf(out, 'communication.meetingCadence', value.meetingCadence, MEETINGS);
  const ok = each(out, 'communication.contacts', value.contacts, (c, path) => {
    if (!obj(out, path, c)) return;
    oneOf(out, at(path, 'party'), c.party, PARTIES);
    text(out, at(path, 'name'), c.name);
    text(out, at(path, 'role'), c.role);
    if (typeof c.email !== 'string' || c.email.length > 254 || !EMAIL.test(c.email)) out.push({ field: at(path, 'email'), message: 'must be an e-mail address' });
  });
  if (!ok) return;
  // Each side must know whom to call: one contact per party at least.
  for (const party of PARTIES) {
    if (!(value.contacts as Partial<Contact>[]).some((c) => isObj(c) && c.party === party)) {
      out.push({ field: 'communication.contacts', message: `must name at least one ${party} contact` });
    }
  }
}

function checkSettlement(out: Errors, value: unknown): void {
  if (!obj(out, 'settlement', value)) return;
  int(out, 'settlement.paymentTermsDays', value.paymentTermsDays, 0, 365);
  oneOf(out, 'settlement.settlementPeriod', value.settlementPeriod, SETTLEMENT_PERIODS);
  currency(out, 'settlement.currency', value.currency);
}

function checkWebsites(out: Errors, value: unknown): void {
  const ok = each(out, 'websites', value, (w, path) => {
    if (!obj(out, path, w)) return;
    if (typeof w.url !== 'string' || w.url.length > 2000 || !HTTP_URL.test(w.url)) out.push({ field: at(path, 'url'), message: 'must be an http(s) URL' });
    oneOf(out, at(path, 'contentOwner'), w.contentOwner, PARTIES);
    each(out, at(path, 'approvalRequiredFor'), w.approvalRequiredFor, (kind, kPath) => text(out, kPath, kind));
  });
  if (ok)
    unique(
      out,
      'websites',
      (value as unknown[]).map((w) => (isObj(w) ? w.url : undefined)),
      'url',
    );
}

function checkDivision(out: Errors, value: unknown, territories: string[], settlement: string | undefined): void {
  if (!obj(out, 'divisionCriteria', value)) return;
  oneOf(out, 'divisionCriteria.defaultOwner', value.defaultOwner, PARTIES);
  const ok = each(out, 'divisionCriteria.rules', value.rules, (rule, path) => {
    if (!obj(out, path, rule)) return;
    // 'default' names the fallback in an assignment, so no rule may take it.
    if (text(out, at(path, 'id'), rule.id) && rule.id === 'default') out.push({ field: at(path, 'id'), message: "'default' is reserved" });
    oneOf(out, at(path, 'owner'), rule.owner, PARTIES);
    if (obj(out, at(path, 'when'), rule.when)) checkConditions(out, rule.when, at(path, 'when'), territories, settlement);
  });
  if (ok)
    unique(
      out,
      'divisionCriteria.rules',
      (value.rules as unknown[]).map((r) => (isObj(r) ? r.id : undefined)),
      'id',
    );
}

function checkConditions(
  out: Errors,
  when: Record<string, unknown>,
  path: string,
  territories: string[],
  settlement: string | undefined,
): void {
  const given = Object.keys(when).filter((k) => when[k] !== undefined);
  // An unknown key (a typo) would silently widen the rule to every client: refuse it.
  given
    .filter((k) => !(CONDITIONS as string[]).includes(k))
    .forEach((k) => out.push({ field: at(path, k), message: 'is not a known condition' }));
  if (given.length === 0) out.push({ field: path, message: `must give at least one condition (${CONDITIONS.join(', ')})` });
  if (when.segment !== undefined) text(out, at(path, 'segment'), when.segment);
  if (
    when.territory !== undefined &&
    territory(out, at(path, 'territory'), when.territory) &&
    !coversTerritory(territories, when.territory)
  ) {
    out.push({ field: at(path, 'territory'), message: "is outside the policy's territories" });
  }
  if (when.minAnnualVolume !== undefined) money(out, at(path, 'minAnnualVolume'), when.minAnnualVolume, { min: 0, currency: settlement });
  if (when.existingRelationship !== undefined) bool(out, at(path, 'existingRelationship'), when.existingRelationship);
}

export { DEFAULT_TERMS_BOUNDS, type TermsBounds, type FieldError };
