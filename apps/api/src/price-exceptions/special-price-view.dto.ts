import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView } from '../clients/client-ownership/client-ownership.dto';
import { MoneyDto } from '../clients/client.dto';

export class RevocationView {
  @ApiProperty({ example: '2026-05-01' }) effectiveFrom!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) revokedAt!: string;
  @ApiProperty({ type: ActorView }) by!: ActorView;
}

/** A special price the company approved for one client and SKU, with its revocation if any. */
export class SpecialPriceView {
  @ApiProperty({ description: 'the specialPriceId' }) id!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: 'PUMP-100' }) sku!: string;
  @ApiProperty({ type: MoneyDto }) unitPrice!: MoneyDto;
  @ApiProperty({ example: '2026-03-01', description: 'inclusive' }) validFrom!: string;
  @ApiProperty({ example: '2026-06-30', description: 'inclusive, as approved' }) validTo!: string;
  @ApiProperty({ example: '2026-07-01', description: 'the first day no sale may use it: the day after validTo, or the revocation' })
  validUntil!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
  @ApiProperty({ type: ActorView }) approvedBy!: ActorView;
  @ApiPropertyOptional({ type: RevocationView }) revoked?: RevocationView;
  @ApiProperty({ description: "revision of the client's special-price stream when this price last changed" }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SpecialPricePage {
  @ApiProperty({ type: [SpecialPriceView] }) items!: SpecialPriceView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
