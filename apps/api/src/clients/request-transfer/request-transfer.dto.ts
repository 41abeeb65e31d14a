import { ClientReasonProperty } from '../client-command.dto';

export class RequestTransferDto {
  /** Why the client should move: shown to the owner, who accepts or contests. */
  @ClientReasonProperty(true, 'The client asked us to serve it directly')
  reason!: string;
}
