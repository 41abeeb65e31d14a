/**
 * Special-price commands run on the client's special-price stream (`special-prices-<clientId>`), so a
 * sale reads every approval that could apply to it from one stream. Approving needs a registered
 * client; revoking finds the price's client in the `special_prices` read model, once that has caught
 * up with the log as of the request (a revocation right after its approval still finds it).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { clientStream } from '@cl/domain/client';
import { specialPriceDecider, specialPriceStream, type SpecialPriceCommand, type SpecialPriceEvent } from '@cl/domain/sales';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';
import { SpecialPriceLocator } from './special-price-locator';

const SHARED_STREAM_RETRIES = 3;

export class SpecialPriceCommandMessage extends Command<CommandOutcome<SpecialPriceEvent> & { clientId: string }> {
  constructor(
    readonly command: SpecialPriceCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(SpecialPriceCommandMessage)
export class SpecialPriceCommandHandler implements ICommandHandler<SpecialPriceCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly locator: SpecialPriceLocator,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ command, request }: SpecialPriceCommandMessage) {
    const prepared = await this.prepare(command);
    const { clientId } = prepared.data;
    // The stream is the client's, shared by all its prices: a write about another price is no reason to refuse this one.
    const outcome = await this.pipeline.run({
      stream: specialPriceStream(clientId),
      decider: specialPriceDecider,
      command: prepared,
      request,
      retryOnConflict: SHARED_STREAM_RETRIES,
    });
    return { ...outcome, clientId };
  }

  private async prepare(command: SpecialPriceCommand): Promise<SpecialPriceCommand> {
    if (command.type === 'RevokeSpecialPrice') {
      const clientId = await this.locator.clientOf(command.data.specialPriceId);
      return { ...command, data: { ...command.data, clientId } };
    }
    await this.requireClient(command.data.clientId);
    return command;
  }

  /** A special price is for a registered client: its stream must exist. */
  private async requireClient(clientId: string): Promise<void> {
    const [registered] = await this.events.readStream(clientStream(clientId), { maxCount: 1 });
    if (!registered) {
      throw new ApiProblem(422, 'SPECIAL_PRICE.UNKNOWN_CLIENT', `Client ${clientId} is not registered`, {
        clientId,
        errors: [{ field: 'clientId', message: 'must name a registered client' }],
      });
    }
  }
}
