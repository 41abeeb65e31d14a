/**
 * Field checks for dispute commands. Each appends `{ field, message }` instead of throwing, so one
 * refusal names every problem, and takes `unknown` because commands arrive from outside. Each returns
 * the value as it is to be recorded (texts trimmed, sides and subjects without stray members), or
 * undefined when it is not valid.
 */
import type { FieldError } from '../policy/field-checks';
import { sameSide, type Side } from '../shared/sides';
import type { ClaimBasis, OwnershipBasis } from '../client/events';
import type { DisputeOrigin, DisputeOutcome, DisputeSubject, EvidenceVerdict } from './events';

export type Errors = FieldError[];
type Obj = Record<string, unknown>;

/** Bounds on what a dispute holds: every text ends up in events, read models and the audit trail. */
export const DISPUTE_LIMITS = {
  id: 100,
  sku: 64,
  summary: 2000,
  note: 5000,
  reference: 500,
  description: 2000,
  decision: 2000,
  reason: 1000,
} as const;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function object(out: Errors, field: string, v: unknown): v is Obj {
  if (isObj(v)) return true;
  out.push({ field, message: v === undefined ? 'is required' : 'must be an object' });
  return false;
}

/** A text that is not blank and, trimmed, at most `max` characters; recorded trimmed. */
export function text(out: Errors, field: string, v: unknown, max: number): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') {
    out.push({ field, message: 'must be a non-empty string' });
    return undefined;
  }
  return within(out, field, v.trim(), max);
}

/** Like `text`, but may be empty (or absent, which records ''). */
export function optionalText(out: Errors, field: string, v: unknown, max: number): string | undefined {
  if (v === undefined) return '';
  if (typeof v !== 'string') {
    out.push({ field, message: 'must be a string' });
    return undefined;
  }
  return within(out, field, v.trim(), max);
}

function within(out: Errors, field: string, v: string, max: number): string | undefined {
  if (v.length <= max) return v;
  out.push({ field, message: `must be at most ${max} characters` });
  return undefined;
}

/** An identifier: not blank, at most `max` characters, recorded exactly as given. */
export function id(out: Errors, field: string, v: unknown, max: number = DISPUTE_LIMITS.id): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') {
    out.push({ field, message: 'must be a non-empty string' });
    return undefined;
  }
  return within(out, field, v, max);
}

export function side(out: Errors, field: string, v: unknown): Side | undefined {
  if (!object(out, field, v)) return undefined;
  if (v.party === 'company') return { party: 'company' };
  if (v.party !== 'distributor') {
    out.push({ field: `${field}.party`, message: 'must be one of company, distributor' });
    return undefined;
  }
  const distributorId = id(out, `${field}.distributorId`, v.distributorId);
  return distributorId === undefined ? undefined : { party: 'distributor', distributorId };
}

/** Two different sides. */
export function parties(out: Errors, v: unknown): [Side, Side] | undefined {
  if (!Array.isArray(v) || v.length !== 2) {
    out.push({ field: 'parties', message: 'must be exactly two sides' });
    return undefined;
  }
  const a = side(out, 'parties[0]', v[0]);
  const b = side(out, 'parties[1]', v[1]);
  if (!a || !b) return undefined;
  if (sameSide(a, b)) {
    out.push({ field: 'parties', message: 'must be two different sides' });
    return undefined;
  }
  return [a, b];
}

export function subject(out: Errors, v: unknown): DisputeSubject | undefined {
  if (!object(out, 'subject', v)) return undefined;
  switch (v.kind) {
    case 'client': {
      const clientId = id(out, 'subject.clientId', v.clientId);
      return clientId === undefined ? undefined : { kind: 'client', clientId };
    }
    case 'sale': {
      const saleId = id(out, 'subject.saleId', v.saleId);
      const client = optionalClient(out, v.clientId);
      return saleId === undefined || !client ? undefined : { kind: 'sale', saleId, ...client.value };
    }
    case 'price': {
      const sku = id(out, 'subject.sku', v.sku, DISPUTE_LIMITS.sku);
      const client = optionalClient(out, v.clientId);
      return sku === undefined || !client ? undefined : { kind: 'price', sku, ...client.value };
    }
    case 'obligation':
      return obligationSubject(out, v);
    default:
      out.push({ field: 'subject.kind', message: 'must be one of client, sale, price, obligation' });
      return undefined;
  }
}

function obligationSubject(out: Errors, v: Record<string, unknown>): DisputeSubject | undefined {
  const policyId = id(out, 'subject.policyId', v.policyId);
  const obligationId = id(out, 'subject.obligationId', v.obligationId);
  const evidenceId = v.evidenceId === undefined ? undefined : id(out, 'subject.evidenceId', v.evidenceId);
  if (policyId === undefined || obligationId === undefined || (v.evidenceId !== undefined && evidenceId === undefined)) return undefined;
  return { kind: 'obligation', policyId, obligationId, ...(evidenceId === undefined ? {} : { evidenceId }) };
}

/** `{ value }` when valid (value empty when absent), undefined when not. */
function optionalClient(out: Errors, v: unknown): { value: { clientId?: string } } | undefined {
  if (v === undefined) return { value: {} };
  const clientId = id(out, 'subject.clientId', v);
  return clientId === undefined ? undefined : { value: { clientId } };
}

/**
 * What the parties or compliance settle on. Only a dispute about a client may say who owns it
 * afterwards; a dispute about an obligation's evidence must say whether the evidence stands, since
 * the obligation's status depends on it.
 */
export function outcome(out: Errors, v: unknown, about: { subject: DisputeSubject; parties: [Side, Side] }): DisputeOutcome | undefined {
  if (!object(out, 'outcome', v)) return undefined;
  const before = out.length;
  const decision = text(out, 'outcome.decision', v.decision, DISPUTE_LIMITS.decision);
  const owner = clientOwnerOf(out, v.clientOwner, about);
  const verdict = evidenceVerdictOf(out, v.evidenceVerdict, about.subject);
  if (out.length > before || decision === undefined) return undefined;
  return { decision, ...(owner ? { clientOwner: owner } : {}), ...(verdict ? { evidenceVerdict: verdict } : {}) };
}

function clientOwnerOf(out: Errors, v: unknown, about: { subject: DisputeSubject; parties: [Side, Side] }): Side | undefined {
  if (v === undefined) return undefined;
  if (about.subject.kind !== 'client') {
    out.push({ field: 'outcome.clientOwner', message: 'may be given only in a dispute about a client' });
    return undefined;
  }
  const clientOwner = side(out, 'outcome.clientOwner', v);
  if (clientOwner && !about.parties.some((p) => sameSide(p, clientOwner))) {
    out.push({ field: 'outcome.clientOwner', message: 'must be one of the two parties' });
    return undefined;
  }
  return clientOwner;
}

const VERDICTS: readonly EvidenceVerdict[] = ['upheld', 'rejected'];

function evidenceVerdictOf(out: Errors, v: unknown, subject: DisputeSubject): EvidenceVerdict | undefined {
  const aboutEvidence = subject.kind === 'obligation' && subject.evidenceId !== undefined;
  if (!aboutEvidence) {
    if (v !== undefined)
      out.push({ field: 'outcome.evidenceVerdict', message: "may be given only in a dispute about an obligation's evidence" });
    return undefined;
  }
  if (VERDICTS.includes(v as EvidenceVerdict)) return v as EvidenceVerdict;
  out.push({
    field: 'outcome.evidenceVerdict',
    message: `${v === undefined ? 'is required' : 'must be one of upheld, rejected'} in a dispute about an obligation's evidence`,
  });
  return undefined;
}

/**
 * How the dispute came about. A claim or a contested hand-over is about a client, between the two
 * sides it names, and opened by the claimant or by the owner contesting the hand-over; anything else
 * would put a timeline on record that contradicts the client's own.
 */
export function origin(out: Errors, v: unknown, about: OpenedShape): DisputeOrigin | undefined {
  if (!object(out, 'origin', v)) return undefined;
  switch (v.kind) {
    case 'direct':
      return { kind: 'direct' };
    case 'claim':
      return claimOrigin(out, v, about);
    case 'transfer-contest':
      return contestOrigin(out, v, about);
    default:
      out.push({ field: 'origin.kind', message: 'must be one of direct, claim, transfer-contest' });
      return undefined;
  }
}

/** What `origin` is checked against; undefined members were invalid and are reported already. */
export interface OpenedShape {
  subject?: DisputeSubject;
  parties?: [Side, Side];
  openedBy?: Side;
}

function claimOrigin(out: Errors, v: Obj, about: OpenedShape): DisputeOrigin | undefined {
  const claimant = side(out, 'origin.claimant', v.claimant);
  const owner = side(out, 'origin.owner', v.owner);
  const basesOk = [object(out, 'origin.claimantBasis', v.claimantBasis), object(out, 'origin.ownerBasis', v.ownerBasis)].every(Boolean);
  if (!claimant || !owner || !basesOk) return undefined;
  if (!consistent(out, about, claimant, owner, 'the claimant')) return undefined;
  return { kind: 'claim', claimant, claimantBasis: v.claimantBasis as ClaimBasis, owner, ownerBasis: v.ownerBasis as OwnershipBasis };
}

function contestOrigin(out: Errors, v: Obj, about: OpenedShape): DisputeOrigin | undefined {
  const requestId = id(out, 'origin.requestId', v.requestId);
  const requester = side(out, 'origin.requester', v.requester);
  const owner = side(out, 'origin.owner', v.owner);
  // Copied from the hand-over request, which bounded it when it was recorded.
  const requestReason = typeof v.requestReason === 'string' ? v.requestReason : undefined;
  if (requestReason === undefined) out.push({ field: 'origin.requestReason', message: 'must be a string' });
  if (requestId === undefined || !requester || !owner || requestReason === undefined) return undefined;
  if (!consistent(out, about, owner, requester, 'the owner')) return undefined;
  return { kind: 'transfer-contest', requestId, requester, owner, requestReason };
}

/** The origin's two sides are the parties, and `opener` (the one who started it) opened the dispute. */
function consistent(out: Errors, about: OpenedShape, opener: Side, other: Side, openerName: string): boolean {
  const before = out.length;
  if (about.subject && about.subject.kind !== 'client') out.push({ field: 'subject.kind', message: 'must be client for this origin' });
  if (about.parties && !samePair(about.parties, [opener, other])) out.push({ field: 'origin', message: 'must name the two parties' });
  if (about.openedBy && !sameSide(about.openedBy, opener)) out.push({ field: 'openedBy', message: `must be ${openerName} of the origin` });
  return out.length === before;
}

/** The same two sides, in either order. */
export const samePair = (a: [Side, Side], b: [Side, Side]): boolean =>
  (sameSide(a[0], b[0]) && sameSide(a[1], b[1])) || (sameSide(a[0], b[1]) && sameSide(a[1], b[0]));
