/**
 * Every field the terms may have. A field not listed is refused: a typo ("handoverDays") must not be
 * signed as if it meant something, and nothing unexamined ends up in the record both parties sign.
 */
import { at, isObj, type Errors } from './field-checks';

/** `true`: a value (checked elsewhere); an object: its fields; a one-element array: each item's shape; `'any'`: checked elsewhere. */
type Shape = true | 'any' | { [field: string]: Shape } | [Shape];

const MONEY: Shape = { minor: true, currency: true };

const TERMS: Shape = {
  territories: [true],
  plan: { granularity: true, periods: [{ period: true, amount: MONEY, byCategory: [{ category: true, amount: MONEY }] }] },
  obligations: {
    staffQualifications: [{ role: true, qualification: true, headcount: true, deadline: true }],
    salesScripts: [{ title: true, version: true, documentRef: true }],
  },
  companyCommitments: [{ id: true, kind: true, description: true, due: true, recurrence: true }],
  communication: { reportingCadence: true, reportDueDay: true, contacts: [{ party: true, name: true, email: true, role: true }], meetingCadence: true },
  settlement: { paymentTermsDays: true, settlementPeriod: true, currency: true },
  bonus: { mode: true, tiers: [{ thresholdBp: true, rateBp: true }] },
  promotion: { budgetBp: true, funding: { companyBp: true, distributorBp: true } },
  websites: [{ url: true, contentOwner: true, approvalRequiredFor: [true] }],
  priceFloors: [{ sku: true, minUnitPrice: MONEY }],
  discretionBands: [{ segment: true, maxAboveFloorBp: true }],
  // Conditions have their own check, which names an unknown condition as such.
  divisionCriteria: { rules: [{ id: true, owner: true, when: 'any' }], defaultOwner: true },
  handOverDays: true,
};

export function checkKnownFields(out: Errors, terms: unknown): void {
  walk(out, '', terms, TERMS);
}

function walk(out: Errors, path: string, value: unknown, shape: Shape): void {
  if (shape === true || shape === 'any') return;
  if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(out, at(path, i), item, shape[0]));
    return;
  }
  if (!isObj(value)) return; // the type itself is reported by the field's own check
  for (const [field, v] of Object.entries(value)) {
    const inner = Object.prototype.hasOwnProperty.call(shape, field) ? shape[field] : undefined;
    if (inner === undefined) out.push({ field: at(path, field), message: 'is not a known field' });
    else walk(out, at(path, field), v, inner);
  }
}
