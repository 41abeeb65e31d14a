import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { distributorDecider, type RegisterDistributor } from '@cl/domain/distributor/distributor';
import { distributorStream, type DistributorEvent } from '@cl/domain/distributor/events';
import { CommandPipeline, type CommandOutcome } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';

export class RegisterDistributorMessage extends Command<CommandOutcome<DistributorEvent>> {
  constructor(
    readonly command: RegisterDistributor,
    readonly request: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterDistributorMessage)
export class RegisterDistributorHandler implements ICommandHandler<RegisterDistributorMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, request }: RegisterDistributorMessage) {
    return this.pipeline.run({ stream: distributorStream(command.data.distributorId), decider: distributorDecider, command, request });
  }
}
