import { ClientReasonProperty } from '../client-command.dto';

export class ContestTransferDto {
  /** Why the owner keeps the client: it opens the dispute's timeline. */
  @ClientReasonProperty(true, 'We have served this client since 2019 and hold a framework contract')
  reason!: string;
}
