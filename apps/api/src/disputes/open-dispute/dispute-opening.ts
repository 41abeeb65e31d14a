/**
 * Builds the OpenDispute a side asks for directly: the client it names must be one the caller may
 * see (else 404, as for the client itself), the counterparty is defaulted or checked, and the id is
 * the caller's, derived from the Idempotency-Key, or fresh.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { clientStream, evolveClient, initialClientState, isRegistered, type ClientEvent } from '@cl/domain/client';
import { DisputeErrors, type OpenDispute } from '@cl/domain/dispute';
import { distributorStream } from '@cl/domain/distributor/events';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { sideOf, type Side } from '@cl/domain/shared/sides';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { clientNotFound, ClientVisibility } from '../../clients/client-visibility';
import { sideOfDto } from '../../clients/client.dto';
import { EVENT_SCHEMAS } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';
import { counterpartyFor, unknownDistributor } from './counterparty';
import { subjectOf, type OpenDisputeDto } from './open-dispute.dto';

@Injectable()
export class DisputeOpening {
  constructor(
    private readonly visibility: ClientVisibility,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
  ) {}

  async command(dto: OpenDisputeDto, ctx: RequestContext): Promise<OpenDispute> {
    const opener = sideOf(ctx.actor);
    if (!opener) throw DisputeErrors.forbiddenParty(ctx.actor.party, 'open a dispute: only a side does');
    const subject = subjectOf(dto.subject);
    const clientId = 'clientId' in subject ? subject.clientId : undefined;
    const clientOwner = clientId === undefined ? undefined : await this.visibleClientOwner(ctx, clientId);
    const given = dto.counterparty ? sideOfDto(dto.counterparty) : undefined;
    const counterparty = counterpartyFor({ opener, subject, clientOwner, given });
    if (given?.party === 'distributor') await this.requireDistributor(given.distributorId);
    const data = {
      disputeId: dto.disputeId ?? disputeIdFor(ctx),
      subject,
      parties: [opener, counterparty] as [Side, Side],
      openedBy: opener,
      summary: dto.summary,
      origin: { kind: 'direct' as const },
    };
    return { type: 'OpenDispute', data, context: ctx };
  }

  /** The client's owner now (null: nobody), read from its stream; 404 when it does not exist or the caller may not see it. */
  private async visibleClientOwner(ctx: RequestContext, clientId: string): Promise<Side | null> {
    const recorded = await this.events.readStream(clientStream(clientId));
    const state = recorded.map((e) => upcast<ClientEvent>(this.schemas, e)).reduce(evolveClient, initialClientState());
    const placement = isRegistered(state) ? { territory: state.territory, owner: state.owner } : undefined;
    await this.visibility.assertVisible(ctx.actor, clientId, placement);
    if (!isRegistered(state)) throw clientNotFound(clientId);
    return state.owner;
  }

  private async requireDistributor(distributorId: string): Promise<void> {
    const [registered] = await this.events.readStream(distributorStream(distributorId), { maxCount: 1 });
    if (!registered) throw unknownDistributor(distributorId);
  }
}

/** A fresh id, or with an Idempotency-Key a UUID-shaped one derived from the user and the key, so a retry lands on its own dispute. */
function disputeIdFor(ctx: RequestContext): string {
  if (!ctx.idempotency) return randomUUID();
  const h = createHash('sha256').update(`dispute\u0000${ctx.actor.userId}\u0000${ctx.idempotency.key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
