import { PROMOTION_LIMITS, SpendText } from '../promotion.dto';

export class RejectSpendDto {
  @SpendText(PROMOTION_LIMITS.reason, 'Outside the agreed product range', 'why the spend is refused; shown to the proposer')
  reason!: string;
}
