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
    /** A pure check of what the decided events set off elsewhere: throwing refuses the command before anything is appended. */
    readonly thenCheck?: (events: readonly ObligationsEvent[]) => void,
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

  async execute({ command, request, obligationId, thenCheck }: ObligationsCommandMessage): Promise<CommandOutcome<ObligationsEvent>> {
    const { policyId } = command.data;
    hideOtherDistributors(policyId, request);
    const obligations = await this.reader.obligationsAt(policyId, request.now);
    return this.pipeline.run({
      stream: obligationsStream(policyId),
      decider: thenCheck ? checkedDecider(thenCheck) : obligationsDecider,
      command: (state: ObligationsState) => {
        if (obligationId !== undefined && 'evidenceId' in command.data) requireEvidenceOf(state, obligationId, command.data.evidenceId);
        return { ...command, data: { ...command.data, obligations } } as ObligationsCommand;
      },
      request,
      retryOnConflict: REDECIDE_ON_CONFLICT.has(command.type) ? 5 : 0,
    });
  }
}

/**
 * Decided again on a concurrent write (the caller pinned no revision): disputing evidence, whose
 * outcome the fresh stream decides (accepted meanwhile: refused), and the dispute process's record of
 * a dispute's end, which must not wait for a redelivery.
 */
const REDECIDE_ON_CONFLICT = new Set<ObligationsCommand['type']>(['DisputeEvidence', 'SettleEvidenceDispute']);

const checkedDecider = (check: (events: readonly ObligationsEvent[]) => void): typeof obligationsDecider => ({
  ...obligationsDecider,
  decide: (command, state) => {
    const events = obligationsDecider.decide(command, state);
    check(events);
    return events;
  },
});

/** Evidence addressed under another obligation's path is answered as evidence that does not exist. */
export function requireEvidenceOf(state: ObligationsState, obligationId: string, evidenceId: string): void {
  if (state.evidence[evidenceId]?.obligationId !== obligationId) throw ObligationErrors.evidenceNotFound(evidenceId);
}
