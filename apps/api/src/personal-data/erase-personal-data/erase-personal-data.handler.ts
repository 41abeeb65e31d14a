import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personalDataDecider, type ErasePersonalData } from '@cl/domain/personal-data/personal-data';
import { personalDataStream } from '@cl/domain/personal-data/events';
import { PersonalDataVault, type SubjectKeyTombstone } from '@cl/personal-data';
import { CommandGate } from '../../shared/command/command-gate';
import { CommandPipeline } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';

export class ErasePersonalDataMessage extends Command<SubjectKeyTombstone> {
  constructor(
    readonly command: ErasePersonalData,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/**
 * Records the erasure, then shreds the key. In that order: if shredding fails, the request is still
 * on record and the same call, retried, finds it already recorded (no second event) and completes
 * the shredding. The reverse order could leave data erased with no record of who erased it or why.
 */
@CommandHandler(ErasePersonalDataMessage)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly gate: CommandGate,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ command, request }: ErasePersonalDataMessage): Promise<SubjectKeyTombstone> {
    const { subject, reason } = command.data;
    // Erasing does not depend on what the caller saw, so a concurrent erasure is simply re-decided (and found done).
    await this.pipeline.run({ stream: personalDataStream(subject), decider: personalDataDecider, command, request, retryOnConflict: 3 });
    // Tracked so shutdown waits for a shredding in flight before it closes the read store.
    return this.gate.track(() => this.vault.forget(subject, reason, request.now));
  }
}
