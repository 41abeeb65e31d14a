import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { publishedEventSchemas } from '@cl/domain/event-contract';
import { AllowParties } from '../shared/auth/access';
import { ApiProblem } from '../shared/problem/problem';
import { EventSchemaCatalogueView, EventTypeParam, EventTypeSchemasView } from './event-schemas.dto';

/**
 * The published event contract: the JSON Schema of every event type and version, generated from the
 * domain's TypeScript types at build time (`npm run schemas`). Schemas describe shapes, not data, so
 * every party sees all of them, as /docs shows every route; a distributor's feed still carries only
 * the events it may read. Two literal segments: no parameterised /events route can capture them.
 */
@ApiTags('events')
@Controller('events/schemas')
export class EventSchemasController {
  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: EventSchemaCatalogueView })
  list(): EventSchemaCatalogueView {
    return { types: publishedEventSchemas.types };
  }

  @Get(':type')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: EventTypeSchemasView })
  @ApiNotFoundResponse({ description: 'EVENT.UNKNOWN_TYPE: no event type of that name' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: `type` is not an event type name' })
  one(@Param() { type }: EventTypeParam): EventTypeSchemasView {
    const published = Object.hasOwn(publishedEventSchemas.types, type) ? publishedEventSchemas.types[type] : undefined;
    if (!published) throw new ApiProblem(404, 'EVENT.UNKNOWN_TYPE', `There is no event type ${type}`, { eventType: type });
    return { type, ...published };
  }
}
