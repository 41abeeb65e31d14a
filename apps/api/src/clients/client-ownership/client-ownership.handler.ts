/**
 * "Who owned this client at that instant, and why?" — answered from the client's own events, never
 * from a read model: the answer for a past instant must not depend on a projection's lag or rebuild.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  clientStream,
  eventInstant,
  evolveClient,
  initialClientState,
  isRegistered,
  ownershipAt,
  type ClientEvent,
  type Ownership,
} from '@cl/domain/client';
import { sameSide } from '@cl/domain/shared/sides';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cl/event-store';
import type { Principal } from '../../shared/auth/principal';
import { EVENT_SCHEMAS } from '../../shared/command/command-pipeline';
import { clientNotFound, ClientVisibility } from '../client-visibility';
import { isoInstant } from '../read-params';
import type { OwnershipBasisView, OwnershipView } from './client-ownership.dto';

export class ClientOwnershipQuery extends Query<OwnershipView> {
  constructor(
    readonly clientId: string,
    /** Validated by the DTO: a date or an ISO instant with an offset. */
    readonly asOf: string | Date,
    readonly viewer: Principal,
  ) {
    super();
  }
}

interface Fact {
  event: ClientEvent;
  recorded: RecordedEvent;
}

@QueryHandler(ClientOwnershipQuery)
export class ClientOwnershipHandler implements IQueryHandler<ClientOwnershipQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ clientId, asOf, viewer }: ClientOwnershipQuery): Promise<OwnershipView> {
    const facts = (await this.events.readStream(clientStream(clientId))).map((recorded) => ({
      event: upcast<ClientEvent>(this.schemas, recorded),
      recorded,
    }));
    // Who may ask is judged on where the client stands now, whatever instant is asked about.
    const current = facts.map((f) => f.event).reduce(evolveClient, initialClientState());
    if (!isRegistered(current)) throw clientNotFound(clientId);
    await this.visibility.assertVisible(viewer, clientId, current);

    const instant = isoInstant(asOf);
    const limit = Date.parse(instant);
    const ownership = ownershipAt(
      facts.map((f) => f.event),
      new Date(limit),
    );
    // The same cut as ownershipAt's: the facts whose own instant is at or before the one asked about.
    const source = sourceOf(
      facts.filter((f) => Date.parse(eventInstant(f.event)) <= limit),
      ownership,
    );
    if (!source) return { clientId, asOf: instant, owner: ownership.owner, since: null, basis: null, madeBy: null };
    const basis = basisOf(source);
    const { party, userId, distributorId } = source.recorded.metadata.actor;
    const madeBy = { party, userId, ...(distributorId ? { distributorId } : {}) };
    return { clientId, asOf: instant, owner: ownership.owner, since: basis.at, basis, madeBy };
  }
}

/**
 * The event that made `ownership` so among the facts up to the instant: the claim or transfer its
 * basis names, or — for a client no one owns — the latest release (none: it was never owned).
 */
function sourceOf(facts: Fact[], ownership: Ownership): Fact | undefined {
  const latest = (match: (e: ClientEvent) => boolean) => [...facts].reverse().find((f) => match(f.event));
  const { basis, owner } = ownership;
  if (!basis) return latest((e) => e.type === 'ClientReleased');
  const found =
    basis.kind === 'transfer'
      ? latest((e) => e.type === 'ClientTransferred' && e.data.transferId === basis.transferId)
      : latest((e) => e.type === 'ClientClaimed' && e.data.claimedAt === basis.at && sameSide(e.data.owner, owner));
  // The basis is copied from one of these events by evolve, so it is always found.
  if (!found) throw new Error(`The ${basis.kind} that made the owner of the client is not in its stream`);
  return found;
}

function basisOf({ event, recorded }: Fact): OwnershipBasisView {
  const ref = { id: recorded.id, type: recorded.type, revision: recorded.revision, position: recorded.position, recordedAt: recorded.metadata.recordedAt };
  switch (event.type) {
    case 'ClientClaimed':
      return { kind: 'claim', at: event.data.claimedAt, judgements: event.data.basis.judgements, event: ref };
    case 'ClientTransferred': {
      const { transferredAt, transferId, from, cause, reason } = event.data;
      return { kind: 'transfer', at: transferredAt, transferId, from, cause, ...(reason ? { reason } : {}), event: ref };
    }
    case 'ClientReleased':
      return { kind: 'release', at: event.data.releasedAt, from: event.data.from, reason: event.data.reason, event: ref };
    default:
      throw new Error(`${event.type} does not decide who owns a client`);
  }
}
