import { IsOptional } from 'class-validator';
import { ClientReasonProperty } from '../client-command.dto';

export class WithdrawTransferRequestDto {
  @ClientReasonProperty(false, 'The client decided to stay with its current supplier')
  @IsOptional()
  reason?: string;
}
