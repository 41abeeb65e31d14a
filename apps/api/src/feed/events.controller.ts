import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../shared/auth/access';
import { Ctx, type RequestContext } from '../shared/command/request-context';
import { FeedQuery, lastEventId, typeFilter } from './feed-query';
import { EventPages } from './read-events/event-page';
import { EventPageView } from './read-events/event-page.dto';
import { FeedStreams } from './stream-events/feed-streams';

const EVENT_STREAM = 'text/event-stream';

/** The event feed for downstream services (docs/feed.md): one route, a JSON page or a live SSE stream. */
@ApiTags('events')
@Controller('events')
@ApiExtraModels(EventPageView)
export class EventsController {
  constructor(
    private readonly pages: EventPages,
    private readonly streams: FeedStreams,
  ) {}

  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', EVENT_STREAM)
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'SSE only: resume after this position; takes precedence over `from`' })
  @ApiOkResponse({
    description:
      'Events in log order after `from`, as far as the caller may read them. JSON: a page with `next` and `head`. ' +
      '`Accept: text/event-stream`: catch-up then live, one SSE message per event (`id` = position, `event` = type, `data` = the item), ' +
      '`: heartbeat` comments, and `event: disconnect` when the server ends the stream.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(EventPageView) } }, [EVENT_STREAM]: { schema: { type: 'string' } } },
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: `from`, `types` (an unknown type), `limit` or Last-Event-ID is invalid' })
  @ApiTooManyRequestsResponse({ description: 'FEED.TOO_MANY_STREAMS: the user holds FEED_MAX_STREAMS_PER_USER streams open; REQUEST.RATE_LIMITED' })
  async read(@Query() query: FeedQuery, @Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const filter = typeFilter(query.types);
    if (wantsStream(req)) {
      await this.streams.serve(ctx.actor, res, { after: lastEventId(req) ?? query.from, filter });
      return;
    }
    res.json(await this.pages.page(ctx.actor, { from: query.from, limit: query.limit, filter }));
  }
}

/** An EventSource sends `Accept: text/event-stream`; anything that prefers JSON (or says nothing) gets the page. */
function wantsStream(req: Request): boolean {
  return req.accepts(['application/json', EVENT_STREAM]) === EVENT_STREAM;
}
