import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { BudgetAccrualReactor } from './accrue-budget/budget-accrual.reactor';
import { GetBudgetHandler, GetSpendHandler } from './budget/budget-query.handler';
import { BudgetController } from './budget/budget.controller';
import { PromotionCommandHandler } from './promotion-command.handler';
import { ProposeSpendController } from './propose-spend/propose-spend.controller';
import { ReviewSpendController } from './review-spend/review-spend.controller';
import { SettleSpendController } from './settle-spend/settle-spend.controller';

/** The promotion budget ledger: accrual from the signed plan, spends proposed, decided and settled. */
@Module({
  imports: [ClientsModule],
  controllers: [ProposeSpendController, ReviewSpendController, SettleSpendController, BudgetController],
  providers: [PromotionCommandHandler, BudgetAccrualReactor, GetBudgetHandler, GetSpendHandler],
})
export class PromotionModule {}
