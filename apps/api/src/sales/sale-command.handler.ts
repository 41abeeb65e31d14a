/**
 * Every sale command runs the same way: the context the pure decider needs — the client and its owner
 * on the sale date, the governing policies in force then, the special prices — is read from the
 * streams, then read → fold → decide → append on the sale's own stream. A correction is judged
 * against the context of the sale's original date. A distributor acting on a sale it may not see is
 * told the sale does not exist.
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import {
  evolveSale,
  initialSaleState,
  saleDecider,
  SaleErrors,
  saleStream,
  type RecordSale,
  type SaleCommand,
  type SaleEvent,
  type SaleState,
} from '@cl/domain/sales';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { sideOf } from '@cl/domain/shared/sides';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { CommandPipeline, EVENT_SCHEMAS, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { NO_CONTEXT } from './sale-context';
import { SaleContextReader } from './sale-context.reader';
import { canSeeSale } from './sale-visibility';

export class SaleCommandMessage extends Command<CommandOutcome<SaleEvent> & { saleId: string }> {
  constructor(
    readonly command: SaleCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(SaleCommandMessage)
export class SaleCommandHandler implements ICommandHandler<SaleCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly contexts: SaleContextReader,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
  ) {}

  async execute({ command, request }: SaleCommandMessage) {
    const prepared =
      command.type === 'RecordSale' ? await this.prepareRecording(command, request) : await this.prepareChange(command, request);
    const { saleId } = prepared.data;
    // A recording racing another for the same id re-decides: it then finds the sale on record (409) or, for a retry, its own write.
    const retryOnConflict = prepared.type === 'RecordSale' ? 1 : 0;
    // Neither the caller's id nor one derived from an Idempotency-Key: prepareRecording drew it at random.
    const freshStream = command.type === 'RecordSale' && !command.data.saleId && !request.idempotency;
    const outcome = await this.pipeline.run({
      stream: saleStream(saleId),
      decider: saleDecider,
      command: prepared,
      request,
      retryOnConflict,
      freshStream,
    });
    return { ...outcome, saleId };
  }

  /**
   * The sale id: the caller's, else derived from the Idempotency-Key (a retried recording lands on its
   * own earlier write instead of recording the sale twice), else a new one.
   */
  private async prepareRecording(command: RecordSale, request: CommandRequest): Promise<RecordSale> {
    const { actor, now } = request;
    const saleId = command.data.saleId || (request.idempotency ? idFromKey(actor.userId, request.idempotency.key) : randomUUID());
    const seller = actor.party === 'system' ? undefined : sideOf(actor);
    const { clientId, date } = command.data;
    const hideFrom = actor.party === 'system' ? undefined : actor;
    const sale = seller ? await this.contexts.read({ seller, clientId, date, now, hideFrom }) : NO_CONTEXT;
    return { ...command, data: { ...command.data, saleId, sale } };
  }

  /** Corrections and cancellations: the sale must be one the caller may see; a correction is re-judged on the original date. */
  private async prepareChange(command: Exclude<SaleCommand, RecordSale>, request: CommandRequest): Promise<SaleCommand> {
    const { saleId } = command.data;
    const state = await this.load(saleId);
    if (state.status === 'none') throw SaleErrors.notFound(saleId);
    const { actor, now } = request;
    if (actor.party !== 'system') {
      const conflict = state.status === 'refused' ? null : state.channelConflict;
      const ownerNow = await this.contexts.ownerNow(state.clientId);
      if (!canSeeSale(actor, { seller: state.seller, channelConflict: conflict }, ownerNow)) throw SaleErrors.notFound(saleId);
    }
    if (command.type === 'CancelSale') return command;
    const { seller, clientId, date } = state;
    return { ...command, data: { ...command.data, sale: await this.contexts.read({ seller, clientId, date, now }) } };
  }

  private async load(saleId: string): Promise<SaleState> {
    const recorded = await this.events.readStream(saleStream(saleId));
    return recorded.map((e) => upcast<SaleEvent>(this.schemas, e)).reduce(evolveSale, initialSaleState());
  }
}

/** A UUID-shaped id derived from the user and the Idempotency-Key. */
function idFromKey(userId: string, key: string): string {
  const h = createHash('sha256').update(`sale\u0000${userId}\u0000${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
