/**
 * Every promotion command runs on the policy's ledger (`promotion-<policyId>`). A distributor acting
 * on another distributor's budget is told the policy does not exist, as for the policy routes.
 *
 * Every command is re-decided on a concurrent write: each decision depends only on the ledger's own
 * events (the balance a proposal is checked against is what the stream holds), so re-running it
 * against the newer stream is the same check made again, never a stale one. Fifty proposals at once
 * thus end with each accepted or refused INSUFFICIENT_BALANCE, the balance never below zero.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parsePolicyId } from '@cl/domain/policy';
import { promotionDecider, promotionStream, type PromotionCommand, type PromotionEvent } from '@cl/domain/promotion';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

/**
 * Each lost race lets at least one contender append, so N concurrent writers on one ledger need at
 * most N − 1 re-runs. Beyond this many the caller gets 412 CONCURRENCY.REVISION_MISMATCH and retries.
 */
export const PROMOTION_CONFLICT_RETRIES = 100;

export class PromotionCommandMessage extends Command<CommandOutcome<PromotionEvent>> {
  constructor(
    readonly command: PromotionCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(PromotionCommandMessage)
export class PromotionCommandHandler implements ICommandHandler<PromotionCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, request }: PromotionCommandMessage): Promise<CommandOutcome<PromotionEvent>> {
    const { policyId } = command.data;
    hideOtherDistributors(policyId, request);
    return this.pipeline.run({
      stream: promotionStream(policyId),
      decider: promotionDecider,
      command,
      request,
      retryOnConflict: PROMOTION_CONFLICT_RETRIES,
    });
  }
}

/** Another distributor's budget is answered exactly as a policy that does not exist. */
function hideOtherDistributors(policyId: string, { actor }: CommandRequest): void {
  if (actor.party === 'distributor' && parsePolicyId(policyId)?.distributorId !== actor.distributorId) {
    throw new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${policyId} was not found`);
  }
}
