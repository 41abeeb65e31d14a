/**
 * Reading a `policies` document: in order, with what a single update could not write, and back into
 * the domain's `Policy` shape, so questions such as `termsInForceOn` are answered by the domain's own
 * functions rather than a second implementation.
 */
import type { Amendment, Party, Policy, Signature, TermsVersion } from '@cl/domain/policy';
import type { AmendmentView, PolicyDoc, VersionView } from './policies.projection';

const PARTIES: readonly Party[] = ['company', 'distributor'];

export const versionsOf = (doc: PolicyDoc): VersionView[] => Object.values(doc.versions).sort((a, b) => a.version - b.version);

/**
 * The amendments in order. PolicyExpired and PolicyTerminated do not name the amendment left open,
 * and an update cannot find it by content, so "open on an ended policy" is read here as what the
 * domain records: lapsed when the policy ended.
 */
export function amendmentsOf(doc: PolicyDoc): AmendmentView[] {
  return Object.values(doc.amendments)
    .sort((a, b) => a.amendmentNo - b.amendmentNo)
    .map((a) => (a.status === 'open' && doc.endedAt ? { ...a, status: 'lapsed' as const, closedAt: doc.endedAt } : a));
}

/** The signatures given to a version, company first. */
export function signaturesOf(
  v: Pick<VersionView, 'signatures'>,
): Array<{ party: Party; userId: string; termsHash: string; signedAt: string }> {
  return PARTIES.flatMap((party) => {
    const s = v.signatures[party];
    return s ? [{ party, ...s }] : [];
  });
}

/** The document as the domain's folded state (signatures in the order given). */
export function policyStateOf(doc: PolicyDoc): Policy {
  const versions = versionsOf(doc);
  return {
    status: doc.status,
    policyId: doc._id,
    distributorId: doc.distributorId,
    year: doc.year,
    currentVersion: doc.currentVersion,
    currentTerms: doc.versions[doc.currentVersion].terms,
    versions: versions.map(toTermsVersion),
    signatures: versions.flatMap(toSignatures).sort((a, b) => a.signedAt.localeCompare(b.signedAt)),
    inForce: doc.inForce,
    ...(doc.firstEffectiveFrom ? { firstEffectiveFrom: doc.firstEffectiveFrom } : {}),
    amendments: amendmentsOf(doc).map(toAmendment),
    ...(doc.endedAt ? { endedAt: doc.endedAt } : {}),
    ...(doc.termination ? { termination: doc.termination } : {}),
  };
}

function toTermsVersion({ version, terms, origin, amendmentNo, createdBy, createdAt }: VersionView): TermsVersion {
  return { version, terms, origin, ...(amendmentNo ? { amendmentNo } : {}), createdBy, createdAt };
}

function toSignatures(v: VersionView): Signature[] {
  return signaturesOf(v).map((s) => ({ ...s, termsVersion: v.version, ...(v.amendmentNo ? { amendmentNo: v.amendmentNo } : {}) }));
}

function toAmendment({ signatures: _signatures, closedBy: _closedBy, ...amendment }: AmendmentView): Amendment {
  return amendment;
}
