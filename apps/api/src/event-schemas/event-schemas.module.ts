import { Module } from '@nestjs/common';
import { EventSchemasController } from './event-schemas.controller';

/** GET /events/schemas: the published event contract (docs/events.md). */
@Module({ controllers: [EventSchemasController] })
export class EventSchemasModule {}
