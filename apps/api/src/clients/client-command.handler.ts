/**
 * Every client command runs the same way: a distributor acting on a client it may not see is told
 * the client does not exist; the policies in force at that instant are read from their streams and
 * handed to the pure decider; then read → fold → decide → append. Claims and settlements re-decide
 * on a concurrent write (their outcome depends on the state, not on what the caller saw), so two
 * concurrent claims end as one claim and one contest or refusal, never as a 412.
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import {
  clientDecider,
  clientStream,
  initialClientState,
  isRegistered,
  normaliseTaxId,
  evolveClient,
  type ClientCommand,
  type ClientEvent,
  type ClientState,
  type RegisterClient,
} from '@cl/domain/client';
import { coversTerritory } from '@cl/domain/policy/division';
import { DomainError } from '@cl/domain/shared/errors';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@cl/event-store';
import { CommandPipeline, EVENT_SCHEMAS, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';
import { clientNotFound, ClientVisibility } from './client-visibility';
import { PolicyLookup } from './policy-lookup';
import { TaxIdRegistry, taxIdTaken } from './tax-id-registry';

export class ClientCommandMessage extends Command<CommandOutcome<ClientEvent> & { clientId: string }> {
  constructor(
    readonly command: ClientCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

// A claim race among many distributors: each loser's contest is itself an append that sends the others
// back to decide again, so claims may need several rounds (with a jittered pause, see command-pipeline.ts).
const REDECIDE_ON_CONFLICT = new Set<ClientCommand['type']>(['ClaimClient', 'SettleClientDispute', 'LogInteraction']);
/**
 * Re-decisions allowed: 10 ran out now and then in the 100-claim race of races.e2e-spec.ts once requests
 * got cheaper (2026-11-29: they arrive at the stream more bunched); each round is a read and a pause of
 * at most 50 ms, so 20 bound a claim's extra wait to about a second and a half.
 */
const CLAIM_RACE_RETRIES = 20;

@CommandHandler(ClientCommandMessage)
export class ClientCommandHandler implements ICommandHandler<ClientCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly visibility: ClientVisibility,
    private readonly policies: PolicyLookup,
    private readonly taxIds: TaxIdRegistry,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
  ) {}

  async execute({ command, request }: ClientCommandMessage) {
    const prepared = command.type === 'RegisterClient' ? await this.prepareRegistration(command, request) : await this.prepare(command, request);
    const { clientId } = prepared.data;
    const outcome = await this.pipeline
      .run({ stream: clientStream(clientId), decider: clientDecider, command: prepared, request, retryOnConflict: REDECIDE_ON_CONFLICT.has(command.type) ? CLAIM_RACE_RETRIES : 0 })
      .catch((error: unknown) => (prepared.type === 'RegisterClient' ? this.registrationRaced(prepared, error) : Promise.reject(error)));
    return { ...outcome, clientId };
  }

  /**
   * Two registrations of one tax id racing can land on the client id the first one reserved: the
   * loser is told the tax id is taken (naming the client), not a bare conflict.
   */
  private async registrationRaced(command: RegisterClient, error: unknown): Promise<never> {
    const collided = error instanceof WrongExpectedRevisionError || (error instanceof DomainError && error.code === 'CLIENT.ALREADY_REGISTERED');
    const taxId = normaliseTaxId(command.data.taxId);
    if (collided && taxId) {
      const [first] = await this.events.readStream(clientStream(command.data.clientId), { maxCount: 1 });
      if (first?.data.taxId === taxId) throw taxIdTaken(taxId, command.data.clientId);
    }
    throw error;
  }

  /** Fills in what the decider needs from outside its stream: the policies in force now. */
  private async prepare(command: Exclude<ClientCommand, RegisterClient>, request: CommandRequest): Promise<ClientCommand> {
    const { clientId } = command.data;
    const state = await this.load(clientId);
    if (request.actor.party !== 'system') {
      const placement = isRegistered(state) ? { territory: state.territory, owner: state.owner } : undefined;
      await this.visibility.assertVisible(request.actor, clientId, placement);
    }
    if (!isRegistered(state)) throw clientNotFound(clientId);
    const { actor, now } = request;
    switch (command.type) {
      case 'ClaimClient': {
        const policies =
          actor.party === 'distributor'
            ? [await this.policies.forDistributor(actor.distributorId ?? '', now)].filter((p) => p !== undefined)
            : await this.policies.covering(state.territory, now);
        return { ...command, data: { ...command.data, policies } };
      }
      case 'RequestTransfer': {
        // The hand-over days of the distributor's policy: the owner's if a distributor owns it, else the requester's.
        const distributorId =
          state.owner?.party === 'distributor' ? state.owner.distributorId : actor.party === 'distributor' ? actor.distributorId : undefined;
        const policy = distributorId ? ((await this.policies.forDistributor(distributorId, now)) ?? null) : null;
        return { ...command, data: { ...command.data, policy } };
      }
      default:
        return command;
    }
  }

  /**
   * A distributor registers clients only in its own territories (elsewhere it could not even see
   * them). The tax id is reserved first; an Idempotency-Key makes the client id deterministic, so a
   * retried registration finds its own earlier write instead of colliding with it.
   */
  private async prepareRegistration(command: RegisterClient, request: CommandRequest): Promise<RegisterClient> {
    const { actor } = request;
    if (actor.party === 'distributor') {
      const territories = await this.visibility.territoriesOf(actor.distributorId ?? '');
      if (!coversTerritory(territories, command.data.territory)) {
        throw new ApiProblem(422, 'CLIENT.OUTSIDE_TERRITORY', `Territory ${command.data.territory} is not one of your territories`, {
          errors: [{ field: 'territory', message: `not within your territories (${territories.join(', ') || 'none'})` }],
        });
      }
    }
    const taxId = normaliseTaxId(command.data.taxId);
    // An invalid tax id is refused by the decider, naming the field; nothing to reserve.
    if (!taxId) return { ...command, data: { ...command.data, clientId: command.data.clientId || randomUUID() } };
    const proposedId = command.data.clientId || (request.idempotency ? idFromKey(request.actor.userId, request.idempotency.key) : randomUUID());
    const clientId = await this.taxIds.reserve(taxId, proposedId, request);
    return { ...command, data: { ...command.data, clientId } };
  }

  private async load(clientId: string): Promise<ClientState> {
    const recorded = await this.events.readStream(clientStream(clientId));
    return recorded.map((e) => upcast<ClientEvent>(this.schemas, e)).reduce(evolveClient, initialClientState());
  }
}

/** A UUID-shaped id derived from the user and the Idempotency-Key. */
function idFromKey(userId: string, key: string): string {
  const h = createHash('sha256').update(`${userId}\u0000${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
