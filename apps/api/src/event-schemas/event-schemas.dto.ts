/** The published event contract as the API answers it (docs/events.md). */
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const EVENT_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]{0,99}$/;

export class EventTypeParam {
  @ApiProperty({ example: 'SaleRecorded', pattern: EVENT_TYPE_PATTERN.source })
  @Matches(EVENT_TYPE_PATTERN, { message: 'type must be an event type name: a capital letter, then up to 99 letters or digits' })
  type!: string;
}

export class EventTypeSchemasView {
  @ApiProperty({ example: 'SaleRefused' }) type!: string;
  @ApiProperty({ example: 2, description: 'the version the feed and webhooks deliver: older events are upcast to it' })
  currentVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description:
      'JSON Schema (draft-07) of the `data` of each version, keyed by version number; earlier versions describe events as stored',
  })
  versions!: Record<string, Record<string, unknown>>;
}

export class EventSchemaCatalogueView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'every event type the feed may carry: `{ currentVersion, versions: { "1": schema, … } }`',
  })
  types!: Record<string, { currentVersion: number; versions: Record<string, Record<string, unknown>> }>;
}
