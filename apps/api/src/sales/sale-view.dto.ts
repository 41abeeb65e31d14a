import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView } from '../clients/client-ownership/client-ownership.dto';
import { MoneyDto, SideDto } from '../clients/client.dto';

/**
 * A sale as recorded: `recorded` or `cancelled` with its current lines (each with the floor in force
 * and the special price that allowed it, if any), its corrections and cancellation; or `refused` at
 * the floor, with the lines tried and the violations. docs/sales.md lists every field.
 */
export class SaleView {
  [field: string]: unknown;
  @ApiProperty({ example: 's-2026-0042' }) id!: string;
  @ApiProperty({ enum: ['recorded', 'cancelled', 'refused'] }) status!: 'recorded' | 'cancelled' | 'refused';
  @ApiProperty({ type: SideDto }) seller!: SideDto;
  @ApiProperty({ example: 'distributor:acme' }) sellerKey!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: '2026-03-10' }) date!: string;
  @ApiProperty({ example: 'PLN' }) currency!: string;
  @ApiProperty({ description: 'recorded: the current lines (after corrections); refused: the lines tried' }) lines!: unknown[];
  @ApiPropertyOptional({ type: MoneyDto }) total?: MoneyDto;
  @ApiPropertyOptional({ nullable: true, description: 'the governing distributor policy; null for a company sale no policy covers' })
  policyId?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-03', description: 'the plan period the sale counts in' }) period?: string | null;
  @ApiPropertyOptional({ nullable: true, description: '`{ owner }` when the seller did not own the client on the sale date' })
  channelConflict?: unknown;
  @ApiPropertyOptional({ description: 'refused: each line below its floor without a valid special price' }) violations?: unknown[];
  @ApiPropertyOptional({ type: ActorView, description: 'who recorded it (or tried to), from the event metadata' }) recordedBy?: ActorView;
  @ApiProperty({ description: "the sale stream's revision; the ETag" }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SalePage {
  @ApiProperty({ type: [SaleView] }) items!: SaleView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
