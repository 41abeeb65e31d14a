/** What the client reads answer, described for the OpenAPI document, and the read model's document mapped to it. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OwnershipBasis, Relationship } from '@cl/domain/client/events';
import type { Money } from '@cl/domain/policy/terms';
import type { Side } from '@cl/domain/shared/sides';
import type { ClientDoc } from '@cl/projections/clients/clients.projection';

export class SideView {
  @ApiProperty({ enum: ['company', 'distributor'], example: 'distributor' }) party!: 'company' | 'distributor';
  @ApiPropertyOptional({ example: 'acme', description: 'present when party is distributor' }) distributorId?: string;
}

export class MoneyView {
  @ApiProperty({ example: 50_000_000, description: 'integer minor units' }) minor!: number;
  @ApiProperty({ example: 'PLN' }) currency!: string;
}

export class RelationshipView {
  @ApiProperty({ type: SideView }) side!: SideView;
  @ApiProperty({ example: '2024-03-01' }) since!: string;
}

const BASIS = {
  type: 'object',
  additionalProperties: true,
  description: "{ kind: 'claim', basis: { judgements }, at } or { kind: 'transfer', transferId, cause, at }",
} as const;

export class ClientView {
  @ApiProperty({ example: 'c-warsaw-bakeries' }) id!: string;
  @ApiProperty({ example: 'Warsaw Bakeries Sp. z o.o.' }) legalName!: string;
  @ApiProperty({ example: 'PL7770001234', description: 'normalised; unique across clients' }) taxId!: string;
  @ApiProperty({ example: 'PL-MZ' }) territory!: string;
  @ApiProperty({ example: 'retail' }) segment!: string;
  @ApiProperty({ type: MoneyView }) annualVolume!: Money;
  @ApiProperty({ type: [RelationshipView] }) relationships!: Relationship[];
  @ApiProperty({ type: SideView }) registeredBy!: Side;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: SideView, nullable: true, description: 'null when no one owns the client' }) owner!: Side | null;
  @ApiProperty({ format: 'date-time', nullable: true }) ownerSince!: string | null;
  @ApiProperty({ ...BASIS, nullable: true, description: `what made the owner the owner: ${BASIS.description}` })
  ownershipBasis!: OwnershipBasis | null;
  @ApiProperty({ type: [String], description: 'disputes naming the client that are still open' }) openDisputeIds!: string[];
  @ApiProperty({ type: [String], description: 'hand-over requests awaiting the owner' }) pendingTransferRequestIds!: string[];
  @ApiProperty({ format: 'date-time', nullable: true, description: 'when the latest logged interaction happened' })
  lastInteractionAt!: string | null;
  @ApiProperty({ description: 'stream revision; also the ETag, send it back as If-Match' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ClientPage {
  @ApiProperty({ type: [ClientView] }) items!: ClientView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** Picked field by field: the read model's own keys (territoryPath, ownerKey, storage markers) stay internal. */
export function toClientView(doc: ClientDoc): ClientView {
  return {
    id: doc._id,
    legalName: doc.legalName,
    taxId: doc.taxId,
    territory: doc.territory,
    segment: doc.segment,
    annualVolume: doc.annualVolume,
    relationships: doc.relationships,
    registeredBy: doc.registeredBy,
    registeredAt: doc.registeredAt,
    owner: doc.owner,
    ownerSince: doc.ownerSince,
    ownershipBasis: doc.ownershipBasis,
    openDisputeIds: doc.openDisputeIds,
    pendingTransferRequestIds: doc.pendingTransferRequestIds,
    lastInteractionAt: doc.lastInteractionAt,
    revision: doc.revision,
    updatedAt: doc.updatedAt,
  };
}
