import { ApiProperty } from '@nestjs/swagger';
import type { TimelineKind } from '@cl/projections/clients/client-timeline.projection';
import { ActorView } from '../client-ownership/client-ownership.dto';

/** Every kind of entry; a Record so that a kind added to the timeline must be added here too. */
const KINDS: Record<TimelineKind, true> = {
  registered: true,
  claimed: true,
  'claim-refused': true,
  'claim-contested': true,
  'transfer-requested': true,
  'transfer-request-withdrawn': true,
  'transfer-contested': true,
  transferred: true,
  released: true,
  interaction: true,
  'dispute-settled': true,
  'dispute-opened': true,
  'dispute-resolved': true,
  'dispute-withdrawn': true,
  sale: true,
  'sale-corrected': true,
  'sale-cancelled': true,
};

/** One fact of the shared history; besides these fields, each kind carries its own (docs/client-reads.md). */
export class TimelineEntryView {
  [field: string]: unknown;
  @ApiProperty({ description: 'the id of the event it shows' }) id!: string;
  @ApiProperty({ example: 'c-warsaw-bakeries' }) clientId!: string;
  @ApiProperty({ enum: Object.keys(KINDS) }) kind!: TimelineKind;
  @ApiProperty({ format: 'date-time', description: 'the instant the fact names' }) at!: string;
  @ApiProperty({ type: ActorView, description: 'who acted, from the event metadata' }) by!: ActorView;
  @ApiProperty({ description: 'global position of the event: the order of the timeline' }) position!: number;
  @ApiProperty({ description: "revision of the event in its own stream (the client's, or the dispute's for dispute-* entries)" })
  revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TimelinePage {
  @ApiProperty({ type: [TimelineEntryView] }) items!: TimelineEntryView[];
  @ApiProperty({ description: 'every entry, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
