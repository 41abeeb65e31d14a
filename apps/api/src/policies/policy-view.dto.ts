/** What the policy queries answer, described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AmendmentStatus, Party, PolicyStatus, PolicyTerms } from '@cl/domain/policy';

export const POLICY_STATUSES: readonly PolicyStatus[] = ['draft', 'in_force', 'expired', 'terminated'];
const PARTIES: Party[] = ['company', 'distributor'];
const AMENDMENT_STATUSES: AmendmentStatus[] = ['open', 'agreed', 'withdrawn', 'declined', 'lapsed'];
const HASH = { example: 'sha256:3f1c…', description: 'sha256: + SHA-256 of the canonical JSON of the terms' };
const TERMS = { type: 'object', additionalProperties: true, description: 'the policy terms (docs/policies.md)' } as const;

export class PartyRefView {
  @ApiProperty({ enum: PARTIES }) party!: Party;
  @ApiProperty() userId!: string;
}

export class SignatureView extends PartyRefView {
  @ApiProperty(HASH) termsHash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

export class PolicyVersionView {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty(HASH) termsHash!: string;
  @ApiProperty({ enum: ['draft', 'amendment'] }) origin!: 'draft' | 'amendment';
  @ApiPropertyOptional({ description: 'the amendment that proposed this version' }) amendmentNo?: number;
  @ApiProperty({ type: PartyRefView }) createdBy!: PartyRefView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [SignatureView], description: 'the signatures given to this version' }) signatures!: SignatureView[];
  @ApiProperty(TERMS) terms!: PolicyTerms;
}

export class InForceEntryView {
  @ApiProperty() termsVersion!: number;
  @ApiProperty(HASH) termsHash!: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiPropertyOptional({ description: 'absent for the version first signed' }) amendmentNo?: number;
}

export class AmendmentView {
  @ApiProperty({ example: 1 }) amendmentNo!: number;
  @ApiProperty({ description: 'the version it brings in force' }) termsVersion!: number;
  @ApiProperty({ description: 'the version in force it amends' }) baseVersion!: number;
  @ApiProperty({ enum: AMENDMENT_STATUSES }) status!: AmendmentStatus;
  @ApiProperty({ type: PartyRefView }) proposedBy!: PartyRefView;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) requestedEffectiveFrom?: string;
  @ApiProperty({ type: [SignatureView] }) signatures!: SignatureView[];
  @ApiPropertyOptional({ format: 'date-time' }) effectiveFrom?: string;
  @ApiPropertyOptional({ type: PartyRefView, description: 'who withdrew or declined it' }) closedBy?: PartyRefView;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() reason?: string;
}

export class TerminationView extends PartyRefView {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) terminatedAt!: string;
}

/** The fields a policy shows in a list as well as on its own. */
export class PolicySummary {
  @ApiProperty({ example: 'acme-2026' }) id!: string;
  @ApiProperty({ example: 'acme' }) distributorId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: POLICY_STATUSES }) status!: PolicyStatus;
  @ApiProperty({ description: 'the draft being signed, or the latest version both parties agreed' }) currentVersion!: number;
  @ApiProperty(HASH) currentTermsHash!: string;
  @ApiProperty({ enum: PARTIES, isArray: true, description: 'who signed the current version' }) signedBy!: Party[];
  @ApiPropertyOptional({ format: 'date-time', description: 'when the policy first took effect' }) firstEffectiveFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'no terms are in force from this instant' }) endedAt?: string;
  @ApiProperty({ description: 'stream revision; also the ETag, send it back as If-Match' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PolicyView extends PolicySummary {
  @ApiProperty(TERMS) currentTerms!: PolicyTerms;
  @ApiProperty({ type: [PolicyVersionView], description: 'every version, drafts and amendment proposals, in order' })
  versions!: PolicyVersionView[];
  @ApiProperty({ type: [InForceEntryView], description: 'the versions agreed, in order of effectiveFrom' }) inForce!: InForceEntryView[];
  @ApiProperty({ type: [AmendmentView] }) amendments!: AmendmentView[];
  @ApiPropertyOptional({ type: TerminationView }) termination?: TerminationView;
}

export class PolicyPage {
  @ApiProperty({ type: [PolicySummary] }) items!: PolicySummary[];
  @ApiProperty({ description: 'how many policies match, across all pages' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class TermsInForceView {
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant asked about' }) at!: string;
  @ApiProperty() termsVersion!: number;
  @ApiProperty(HASH) termsHash!: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiPropertyOptional({ description: 'the amendment that brought this version in force' }) amendmentNo?: number;
  @ApiProperty(TERMS) terms!: PolicyTerms;
}
