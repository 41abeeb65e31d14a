import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import type { WebhookOwner } from '@cl/domain/webhook/events';
import type { WebhookDoc } from '@cl/projections/webhooks/webhooks.projection';
import { webhookUrlProblem } from './webhook-url';

/** The ids the API generates are UUIDs; any id-like value is accepted here and answered with 404 when unknown. */
export const WEBHOOK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const SECRET_PATTERN = /^[\x21-\x7e]{32,256}$/;

const IsWebhookUrl = () =>
  ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value) => webhookUrlProblem(value) === undefined,
      defaultMessage: (args) => `url ${webhookUrlProblem(args?.value) ?? 'is invalid'}`,
    },
  });

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://erp.example.com/channel-ledger/webhooks',
    description: 'https; plain http only to localhost or a loopback address; never link-local or metadata addresses; no credentials',
  })
  @IsWebhookUrl()
  url!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['SaleRecorded', 'ClientClaimed'],
    description: 'Event types to deliver; omitted or empty: every type the caller may read',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'each event type must be a type name such as SaleRecorded' })
  eventTypes?: string[];

  @ApiPropertyOptional({
    minLength: 32,
    maxLength: 256,
    description: 'The HMAC signing secret (32–256 printable ASCII characters); generated when omitted. Returned once, in this answer only.',
  })
  @IsOptional()
  @IsString()
  @Matches(SECRET_PATTERN, { message: 'secret must be 32 to 256 printable ASCII characters without spaces' })
  secret?: string;
}

export class WebhookIdParam {
  @ApiProperty({ pattern: WEBHOOK_ID_PATTERN.source })
  @Matches(WEBHOOK_ID_PATTERN, { message: 'id must be a webhook id (1–64 letters, digits, _ or -)' })
  id!: string;
}

export class WebhookOwnerView {
  @ApiProperty({ enum: ['company', 'compliance', 'distributor'] }) party!: WebhookOwner['party'];
  @ApiPropertyOptional({ example: 'acme' }) distributorId?: string;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], description: 'empty: every type the owner may read' }) eventTypes!: string[];
  @ApiProperty({ type: WebhookOwnerView }) owner!: WebhookOwner;
  @ApiProperty({ enum: ['active', 'deactivated'] }) status!: 'active' | 'deactivated';
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deactivatedAt?: string;
  @ApiProperty({ description: 'Global position of the registration: delivery starts with the first event after it' }) startPosition!: number;
  @ApiProperty() revision!: number;
}

export class RegisteredWebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ type: WebhookOwnerView }) owner!: WebhookOwner;
  @ApiProperty({ enum: ['active'] }) status!: 'active';
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'The signing secret. Shown in this answer only: store it now' }) secret!: string;
}

export class DeactivationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['deactivated'] }) status!: 'deactivated';
  @ApiProperty() revision!: number;
}

export class WebhookPage {
  @ApiProperty({ type: [WebhookView] }) items!: WebhookView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toWebhookView(doc: WebhookDoc): WebhookView {
  return {
    id: doc._id,
    url: doc.url,
    eventTypes: [...doc.eventTypes],
    owner: doc.owner,
    status: doc.status,
    registeredAt: doc.registeredAt,
    ...(doc.deactivatedAt ? { deactivatedAt: doc.deactivatedAt } : {}),
    startPosition: doc.startPosition,
    revision: doc.revision,
  };
}
