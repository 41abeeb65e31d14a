/**
 * Every obligations command runs on the policy's stream (`obligations-<policyId>`), against the
 * obligations derived at the command's instant: the handler passes them in, as a period close is
 * passed its terms, since the pure decider cannot read the policy or the settlements itself.
 * A distributor acting on another distributor's policy is told the policy does not exist.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ObligationErrors,
  obligationsDecider,
  obligationsStream,
  type ObligationsCommand,
  type ObligationsEvent,
  type ObligationsState,
} from '@cl/domain/obligations';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { hideOtherDistributors, ObligationsReader } from './obligations-reader';

/** The command as a controller builds it: the handler adds the obligations. */
export type ObligationsRequest = ObligationsCommand extends infer C
  ? C extends ObligationsCommand
    ? Omit<C, 'data'> & { data: Omit<C['data'], 'obligations'> }
    : never
  : never;

export class ObligationsCommandMessage extends Command<CommandOutcome<ObligationsEvent>> {
  constructor(
    readonly command: ObligationsRequest,
    readonly request: CommandRequest,
    /** For a command naming evidence: the obligation the route names, which the evidence must belong to. */
    readonly obligationId?: string,
  ) {
    super();
  }
}

@CommandHandler(ObligationsCommandMessage)
export class ObligationsCommandHandler implements ICommandHandler<ObligationsCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: ObligationsReader,
  ) {}

  async execute({ command, request, obligationId }: ObligationsCommandMessage): Promise<CommandOutcome<ObligationsEvent>> {
    const { policyId } = command.data;
    hideOtherDistributors(policyId, request);
    const obligations = await this.reader.obligationsAt(policyId, request.now);
    return this.pipeline.run({
      stream: obligationsStream(policyId),
      decider: obligationsDecider,
      command: (state: ObligationsState) => {
        if (obligationId !== undefined && 'evidenceId' in command.data) requireEvidenceOf(state, obligationId, command.data.evidenceId);
        return { ...command, data: { ...command.data, obligations } } as ObligationsCommand;
      },
      request,
    });
  }
}

/** Evidence addressed under another obligation's path is answered as evidence that does not exist. */
export function requireEvidenceOf(state: ObligationsState, obligationId: string, evidenceId: string): void {
  if (state.evidence[evidenceId]?.obligationId !== obligationId) throw ObligationErrors.evidenceNotFound(evidenceId);
}
