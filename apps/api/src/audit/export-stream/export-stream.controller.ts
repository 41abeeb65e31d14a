import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { DIGEST_STREAM } from '@cl/event-store/audit/digester';
import { GENESIS_HASH, HASH_ALGORITHM } from '@cl/event-store/audit/hash-chain';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ApiProblem } from '../../shared/problem/problem';
import { canExport } from './export-access';

export class ExportQuery {
  @ApiProperty({ example: 'distributor-acme', description: 'the stream to export' })
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,127}$/, { message: 'stream must be a stream name such as distributor-acme' })
  stream!: string;
}

/** A stream's events with their hashes, for offline verification (docs/audit.md). */
@ApiTags('audit')
@Controller('audit')
export class ExportStreamController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get('export')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ description: 'the events of the stream in order, each with prevHash and hash, and the log digests' })
  async export(@Query() { stream }: ExportQuery, @Ctx() ctx: RequestContext) {
    const events = canExport(ctx.actor, stream) ? await this.events.readStream(stream) : [];
    if (events.length === 0) throw new ApiProblem(404, 'AUDIT.STREAM_NOT_FOUND', `No stream ${stream} that you may export`);
    const digests = await this.events.readStream(DIGEST_STREAM, { direction: 'backwards', maxCount: 1 });
    return { stream, algorithm: HASH_ALGORITHM, genesisHash: GENESIS_HASH, events, latestLogDigest: digests[0] ?? null };
  }
}
