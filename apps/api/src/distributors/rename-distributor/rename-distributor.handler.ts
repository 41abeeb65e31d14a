import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { distributorDecider, type RenameDistributor } from '@cl/domain/distributor/distributor';
import { distributorStream, type DistributorEvent } from '@cl/domain/distributor/events';
import { CommandPipeline, type CommandOutcome } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';

export class RenameDistributorMessage extends Command<CommandOutcome<DistributorEvent>> {
  constructor(
    readonly command: RenameDistributor,
    readonly request: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RenameDistributorMessage)
export class RenameDistributorHandler implements ICommandHandler<RenameDistributorMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  /** A rename does not depend on what the caller saw, so a concurrent write is retried unless If-Match pins a revision. */
  execute({ command, request }: RenameDistributorMessage) {
    return this.pipeline.run({ stream: distributorStream(command.data.distributorId), decider: distributorDecider, command, request, retryOnConflict: 3 });
  }
}
