/**
 * Every dispute command runs the same way: a distributor that is not a party is told the dispute
 * does not exist (as for reads); the domain decides who of the parties may do what.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { disputeDecider, disputeStream, isDispute, isPartyTo, type DisputeCommand, type DisputeEvent, type DisputeState } from '@cl/domain/dispute';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

export class DisputeCommandMessage extends Command<CommandOutcome<DisputeEvent>> {
  constructor(
    readonly command: DisputeCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(DisputeCommandMessage)
export class DisputeCommandHandler implements ICommandHandler<DisputeCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, request }: DisputeCommandMessage): Promise<CommandOutcome<DisputeEvent>> {
    const { disputeId } = command.data;
    return this.pipeline.run({
      stream: disputeStream(disputeId),
      decider: disputeDecider,
      command: (state) => {
        // Opening with a taken id is the domain's 409, which tells nothing of the dispute; a 404 would be nonsense there.
        if (command.type !== 'OpenDispute') hideFromOutsiders(state, disputeId, request);
        return command;
      },
      request,
    });
  }
}

function hideFromOutsiders(state: DisputeState, disputeId: string, request: CommandRequest): void {
  const { actor } = request;
  if (actor.party !== 'distributor' || !isDispute(state)) return;
  if (!isPartyTo(state, { party: 'distributor', distributorId: actor.distributorId ?? '' })) throw disputeNotFound(disputeId);
}

export const disputeNotFound = (disputeId: string) => new ApiProblem(404, 'DISPUTE.NOT_FOUND', `Dispute ${disputeId} was not found`);
