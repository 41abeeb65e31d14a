import { DISPUTE_LIMITS } from '@cl/domain/dispute';
import { DisputeTextProperty } from '../dispute.dto';

export class WithdrawDisputeDto {
  @DisputeTextProperty({ example: 'Settled by phone with the channel manager', max: DISPUTE_LIMITS.reason, multiline: true })
  reason!: string;
}
