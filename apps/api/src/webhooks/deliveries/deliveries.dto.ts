import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeliveryAttemptView {
  @ApiProperty() eventId!: string;
  @ApiProperty() position!: number;
  @ApiProperty() stream!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'failed attempts so far' }) attempts!: number;
  @ApiProperty({ example: 'HTTP 500 Internal Server Error' }) lastError!: string;
}

export class RetryingView extends DeliveryAttemptView {
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
}

export class ParkedView extends DeliveryAttemptView {
  @ApiProperty({ format: 'date-time' }) parkedAt!: string;
}

export class LastDeliveredView {
  @ApiProperty() eventId!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class DeliveriesView {
  @ApiProperty() webhookId!: string;
  @ApiProperty({
    enum: ['delivering', 'suspended', 'deactivated'],
    description: 'suspended: an event is parked; nothing after it is delivered until POST /webhooks/{id}/parked/replay',
  })
  status!: 'delivering' | 'suspended' | 'deactivated';
  @ApiProperty({ description: 'Every event up to this global position was delivered (2xx) or is not for this webhook' }) position!: number;
  @ApiProperty() startPosition!: number;
  @ApiProperty({ description: 'events acknowledged with a 2xx' }) delivered!: number;
  @ApiPropertyOptional({ type: LastDeliveredView, nullable: true }) lastDelivered!: LastDeliveredView | null;
  @ApiPropertyOptional({ type: RetryingView, nullable: true, description: 'the event being retried after failed attempts' })
  retrying!: RetryingView | null;
  @ApiProperty({ type: [ParkedView] }) parked!: ParkedView[];
  @ApiProperty({ description: 'replays requested so far' }) replays!: number;
}

export class ReplayView {
  @ApiProperty() webhookId!: string;
  @ApiProperty({ type: [ParkedView], description: 'the parked deliveries released; empty when none was parked' }) replayed!: ParkedView[];
}
