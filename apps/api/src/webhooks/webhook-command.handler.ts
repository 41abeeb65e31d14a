import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhookStream, type WebhookEvent } from '@cl/domain/webhook/events';
import { webhookDecider, type WebhookCommand } from '@cl/domain/webhook/webhook';
import { CommandPipeline, type CommandOutcome } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';

export class WebhookCommandMessage extends Command<CommandOutcome<WebhookEvent>> {
  constructor(
    readonly command: WebhookCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}

@CommandHandler(WebhookCommandMessage)
export class WebhookCommandHandler implements ICommandHandler<WebhookCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, request }: WebhookCommandMessage) {
    return this.pipeline.run({ stream: webhookStream(command.data.webhookId), decider: webhookDecider, command, request });
  }
}
