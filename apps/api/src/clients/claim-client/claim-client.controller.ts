import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ClientErrors, type ClientClaimContested, type ClientClaimRefused } from '@cl/domain/client';
import { sideOf } from '@cl/domain/shared/sides';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ApiProblem } from '../../shared/problem/problem';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { ClientIdParam } from '../client.dto';
import { recordedEvent } from '../recorded-event';

@ApiTags('clients')
@Controller('clients')
export class ClaimClientController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The caller's side claims the client; no body. The division criteria judge first (the handler
   * supplies the policies in force): a claim they give to the other side is refused and recorded as
   * ClientClaimRefused (compliance sees it); then the ownership: unowned → claimed; owned by the caller →
   * nothing new; owned by the other side → the contest is recorded (the dispute opens from it) and
   * the answer is a 409 naming the dispute.
   */
  @Post(':id/claims')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientClaimed, with the judgements of the criteria that support it; ETag is set' })
  @ApiOkResponse({ description: 'The caller already owns the client: nothing recorded' })
  @ApiConflictResponse({
    description:
      'CLIENT.OWNED_BY_OTHER_PARTY (the claim is contested: `disputeId`, `owner`; when this claim opened the contest, also `recorded` and `revision`), CLIENT.ASSIGNED_TO_OTHER_PARTY (names `ruleId`, `policyId`, `termsVersion`, `assignedTo`; the refusal is recorded: `recorded`, `revision`), CLIENT.NO_POLICY_IN_FORCE, CLIENT.OUTSIDE_TERRITORY',
  })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, also for a client a distributor may not see' })
  async claim(@Param() { id }: ClientIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { clientId: id, policies: [], disputeId: randomUUID() };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'ClaimClient', data, context: ctx }, ctx));
    const answer = clientAnswer(res, outcome.clientId, outcome);
    const contest = recordedEvent(outcome, 'ClientClaimContested');
    if (contest) throw contested(contest, answer);
    const refusal = recordedEvent(outcome, 'ClientClaimRefused');
    if (refusal) throw refused(refusal, answer);
    const claimed = recordedEvent(outcome, 'ClientClaimed');
    res.status(claimed ? 201 : 200);
    return { ...answer, owner: claimed?.owner ?? sideOf(ctx.actor), basis: claimed?.basis };
  }
}

/**
 * The claim did not make the caller the owner, but it was recorded as a contest: the same 409 as a
 * repeated claim (naming the dispute and the owner), plus what it recorded and the revision after it,
 * since unlike other refusals this one wrote to the log.
 */
function contested(contest: ClientClaimContested['data'], answer: ReturnType<typeof clientAnswer>): ApiProblem {
  const refusal = ClientErrors.ownedByOtherParty(contest.owner, contest.disputeId);
  return new ApiProblem(409, refusal.code, refusal.message, { ...refusal.details, revision: answer.revision, recorded: answer.recorded });
}

/** The criteria gave the client to the other side: refused, and on record (ClientClaimRefused) for compliance. */
function refused(refusal: ClientClaimRefused['data'], answer: ReturnType<typeof clientAnswer>): ApiProblem {
  const error = ClientErrors.assignedToOtherParty(refusal.refusedBy);
  return new ApiProblem(409, error.code, error.message, { ...error.details, revision: answer.revision, recorded: answer.recorded });
}
