import { ClientReasonProperty } from '../client-command.dto';

export class ReleaseClientDto {
  @ClientReasonProperty(true, 'The client closed its business in our territory')
  reason!: string;
}
