/**
 * Every policy command runs the same way; what differs is who may see the policy and, for a
 * signature, checking the hash the party signs against the stored terms of that version.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConfigService } from '@nestjs/config';
import { DomainError } from '@cl/domain/shared/errors';
import { createPolicyDecider, isPolicy, parsePolicyId, policyStream, type PolicyCommand, type PolicyDecider, type PolicyEvent, type PolicyState } from '@cl/domain/policy';
import { distributorStream } from '@cl/domain/distributor/events';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { AppConfig } from '../config/config.schema';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

export class PolicyCommandMessage extends Command<CommandOutcome<PolicyEvent>> {
  constructor(
    readonly command: PolicyCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

/** The promotion budget bounds are configuration (PROMOTION_BUDGET_MIN_BP / _MAX_BP). */
@Injectable()
export class PolicyDeciderProvider {
  readonly decider: PolicyDecider;
  constructor(config: ConfigService<AppConfig, true>) {
    const min = config.get('PROMOTION_BUDGET_MIN_BP', { infer: true });
    const max = config.get('PROMOTION_BUDGET_MAX_BP', { infer: true });
    this.decider = createPolicyDecider({ bounds: { promotionBudgetBp: { min, max } } });
  }
}

@CommandHandler(PolicyCommandMessage)
export class PolicyCommandHandler implements ICommandHandler<PolicyCommandMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly deciders: PolicyDeciderProvider,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ command, request }: PolicyCommandMessage): Promise<CommandOutcome<PolicyEvent>> {
    const policyId = command.type === 'DraftPolicy' ? `${command.data.distributorId}-${command.data.year}` : command.data.policyId;
    hideOtherDistributors(policyId, request);
    if (command.type === 'DraftPolicy') await this.requireDistributor(command.data.distributorId);
    return this.pipeline
      .run({ stream: policyStream(policyId), decider: this.deciders.decider, command: (state: PolicyState) => withCheckedHash(command, state), request })
      .catch(namingBodyFields);
  }

  private async requireDistributor(distributorId: string): Promise<void> {
    const [registered] = await this.events.readStream(distributorStream(distributorId), { maxCount: 1 });
    if (!registered) {
      throw new ApiProblem(422, 'POLICY.UNKNOWN_DISTRIBUTOR', `Distributor ${distributorId} is not registered`, {
        errors: [{ field: 'distributorId', message: 'no such distributor' }],
      });
    }
  }
}

/** The domain names fields inside the terms; in the request body they sit under `terms`. */
function namingBodyFields(error: unknown): never {
  if (error instanceof DomainError && error.code === 'POLICY.INVALID_TERMS' && Array.isArray(error.details.errors)) {
    const errors = (error.details.errors as Array<{ field: string; message: string }>).map((e) => ({ ...e, field: `terms.${e.field}` }));
    throw new DomainError(error.code, error.kind, error.message, { ...error.details, errors });
  }
  throw error;
}

/** A distributor acting on another distributor's policy is told it does not exist, as for reads. */
function hideOtherDistributors(policyId: string, request: CommandRequest): void {
  const { actor } = request;
  if (actor.party === 'distributor' && parsePolicyId(policyId)?.distributorId !== actor.distributorId) {
    throw new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${policyId} was not found`);
  }
}

/**
 * A party signs the hash it was shown; the pure domain cannot hash, so the hash of the stored terms
 * of that version is checked here, before `decide`.
 */
function withCheckedHash(command: PolicyCommand, state: PolicyState): PolicyCommand {
  if (!isPolicy(state) || (command.type !== 'SignPolicy' && command.type !== 'SignAmendment')) return command;
  const version =
    command.type === 'SignPolicy' ? command.data.termsVersion : state.amendments.find((a) => a.amendmentNo === command.data.amendmentNo)?.termsVersion;
  const stored = state.versions.find((v) => v.version === version);
  if (stored && termsHash(stored.terms) !== command.data.termsHash) {
    throw new DomainError('POLICY.TERMS_HASH_MISMATCH', 'conflict', `termsHash is not the hash of terms version ${version}`, {
      termsVersion: version,
      expectedTermsHash: termsHash(stored.terms),
    });
  }
  return command;
}
