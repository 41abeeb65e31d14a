/**
 * The obligations of both parties of a policy as known at `asOf`: derived from every terms version in
 * force by then, in order, and from the settlements closed by then. History is never rewritten:
 *  - the originally signed version creates its obligations;
 *  - an amendment acts from its effective day D only. An obligation due before D stays exactly as it
 *    was. One due on or after D is changed in place if the new terms still contain it (same id, so its
 *    evidence still counts; a sales script keeps its adoption date), or marked retired (never deleted)
 *    if they do not. Obligations new in the amendment are added if due on or after D: an amendment
 *    never creates one that was already due when it took effect;
 *  - an amendment that sets a new deadline for a qualification or one-off commitment that was already
 *    due (a remedy for a missed deadline) creates a new obligation '<id>:v<termsVersion>'; the missed
 *    one stays on record as it was;
 *  - when the policy ends (termination, or the end of the year) everything not yet due is retired,
 *    except the reports of periods it was in force during and the settlements' payments;
 *  - a settlement with a positive payable obliges the company to pay it by its payment due date. A
 *    zero payable owes nothing; a negative one (a claw-back of bonus settled earlier) is money the
 *    distributor owes back, carried by the settlement record and netted by later settlements: it is
 *    not a payment obligation here.
 * Because only versions effective by `asOf` are read, asking about an earlier date gives the
 * obligations as they stood then.
 */
import { toMillis, yearEnd } from '../policy/calendar';
import { isPolicy, type Policy, type PolicyState } from '../policy/state';
import type { PeriodClosed } from '../settlement/events';
import { canonicalJson } from '../shared/canonical-json';
import { dateOf } from './calendar';
import { ObligationErrors } from './errors';
import { paymentObligationId, type Obligation } from './obligation';
import { candidatesOf, type Candidate, type Window } from './sources';

export function deriveObligations(policy: PolicyState, asOf: Date | string, settlements: readonly PeriodClosed[] = []): Obligation[] {
  const at = toMillis(asOf);
  if (Number.isNaN(at)) throw ObligationErrors.invalidAsOf();
  if (!isPolicy(policy) || policy.firstEffectiveFrom === undefined) return [];
  const end = endOf(policy);
  const book = new Book();
  windowsOf(policy, at, end).forEach((w, i) => (i === 0 ? book.start(w) : book.amend(w)));
  if (end <= at) book.end(new Date(end).toISOString());
  const payments = settlements.filter((s) => s.data.policyId === policy.policyId && Date.parse(s.data.closedAt) <= at).flatMap(paymentOf);
  return [...book.all(), ...payments].sort((a, b) => (a.due === b.due ? compare(a.id, b.id) : compare(a.due, b.due)));
}

/** Nothing is in force from the end of the year or a termination, whichever comes first. */
const endOf = (p: Policy): number => Math.min(Date.parse(yearEnd(p.year)), p.endedAt ? Date.parse(p.endedAt) : Infinity);

function windowsOf(p: Policy, at: number, end: number): Window[] {
  const entries = p.inForce.filter((e) => Date.parse(e.effectiveFrom) <= at && Date.parse(e.effectiveFrom) < end);
  // A version replaced at the very instant it took effect never governed anything.
  const governing = entries.filter(
    (e, i) => i === entries.length - 1 || Date.parse(entries[i + 1].effectiveFrom) > Date.parse(e.effectiveFrom),
  );
  return governing.flatMap((e, i) => {
    const terms = p.versions.find((v) => v.version === e.termsVersion)?.terms;
    if (!terms) return [];
    const next = governing[i + 1];
    const periodsBefore = Math.min(next ? Date.parse(next.effectiveFrom) : at + 1, end);
    const { policyId, year } = p;
    return [
      {
        policyId,
        year,
        termsVersion: e.termsVersion,
        terms,
        effectiveFrom: e.effectiveFrom,
        firstEffectiveFrom: p.firstEffectiveFrom!,
        periodsBefore,
      },
    ];
  });
}

/** The obligations derived so far, and for each base id the id of its latest instance. */
class Book {
  private readonly byId = new Map<string, Obligation>();
  private readonly latest = new Map<string, string>();

  all = (): Obligation[] => [...this.byId.values()];

  start(w: Window): void {
    for (const c of candidatesOf(w)) this.add(c.id, c);
  }

  amend(w: Window): void {
    const day = dateOf(w.effectiveFrom);
    const candidates = new Map(candidatesOf(w).map((c) => [c.id, c]));
    for (const [baseId, id] of this.latest) {
      const o = this.byId.get(id)!;
      if (o.due < day) continue; // already due when the amendment took effect: history
      const c = candidates.get(baseId);
      candidates.delete(baseId);
      if (c) this.change(o, { ...c, id, due: c.kind === 'sales-script' ? o.due : c.due });
      else if (!o.retired)
        this.byId.set(id, { ...o, retired: { from: w.effectiveFrom, reason: 'amendment', termsVersion: w.termsVersion } });
    }
    for (const c of candidates.values()) {
      if (c.due < day) continue;
      if (!this.latest.has(c.id)) this.add(c.id, c);
      else if (renewable(c)) this.add(c.id, { ...c, id: `${c.id}:v${w.termsVersion}` });
    }
  }

  end(endedAt: string): void {
    const day = dateOf(endedAt);
    for (const o of this.byId.values()) {
      if (o.retired || o.kind === 'report' || o.due < day) continue;
      this.byId.set(o.id, { ...o, retired: { from: endedAt, reason: 'policy-ended' } });
    }
  }

  private add(baseId: string, c: Candidate): void {
    this.byId.set(c.id, c);
    this.latest.set(baseId, c.id);
  }

  /** Unchanged terms leave the obligation (and the version that defined it) as it was. */
  private change(o: Obligation, next: Candidate): void {
    if (o.retired || substance(o) !== substance(next)) this.byId.set(o.id, next);
  }
}

const substance = ({ termsVersion: _v, ...o }: Candidate | Obligation): string => canonicalJson({ ...o, retired: undefined });

/** A new deadline for a requirement already due renews it; a periodic or script obligation never. */
const renewable = (c: Candidate): boolean => c.kind === 'qualification' || (c.kind === 'commitment' && c.period === undefined);

function paymentOf({ data }: PeriodClosed): Obligation[] {
  const { policyId, period, payable, paymentDue, closedAt, termsVersion } = data;
  if (payable.minor <= 0) return [];
  return [
    {
      id: paymentObligationId(period),
      kind: 'payment',
      policyId,
      responsibleParty: 'company',
      protectedParty: 'distributor',
      due: dateOf(paymentDue),
      termsVersion,
      description: `Payment of the ${period} settlement`,
      period,
      amount: { ...payable },
      paymentDue,
      closedAt,
    },
  ];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
