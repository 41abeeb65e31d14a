/** The OpenAPI shapes of GET /events (JSON). The feed item's `data` is the event type's current schema. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FeedActorView {
  @ApiProperty({ enum: ['company', 'distributor', 'compliance', 'system'] }) party!: string;
  @ApiProperty({ example: 'anna' }) userId!: string;
  @ApiPropertyOptional({ example: 'acme' }) distributorId?: string;
}

export class FeedMetadataView {
  @ApiProperty({ type: FeedActorView }) actor!: FeedActorView;
  @ApiProperty({ description: 'the request (or process) that recorded the event' }) correlationId!: string;
  @ApiProperty({ description: 'what caused it: the request, or the event a process manager reacted to' }) causationId!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class FeedItemView {
  @ApiProperty({ description: 'global position in the log: the order of the feed, and the SSE `id`' }) position!: number;
  @ApiProperty({ format: 'uuid', description: 'the event id: deduplicate on it' }) id!: string;
  @ApiProperty({ example: 'client-c-warsaw-bakeries' }) stream!: string;
  @ApiProperty({ description: 'revision within its stream, from 0' }) revision!: number;
  @ApiProperty({ example: 'ClientClaimed' }) type!: string;
  @ApiProperty({ description: 'the current schema version of the type; `data` is in it (older events are upcast)' }) schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: FeedMetadataView }) metadata!: FeedMetadataView;
}

export class EventPageView {
  @ApiProperty({ type: [FeedItemView] }) events!: FeedItemView[];
  @ApiProperty({ description: "the position of the last event read (returned or stepped over): the next page's `from`" }) next!: number;
  @ApiProperty({ description: 'the newest position the caller may read now: caught up when `next` reaches it' }) head!: number;
}
