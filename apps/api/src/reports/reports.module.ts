/**
 * The read-only money reports: plan vs actual, promotion budget, price compliance, non-discrimination
 * and the monthly report. Each is a query over read models, JSON or CSV (`Accept: text/csv`); the
 * monthly report's obligations are derived from the event streams by the obligations area's reader.
 * GET /reports/transfers lives with the client area that owns its read model.
 */
import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { MonthlyController } from './monthly/monthly.controller';
import { MonthlyHandler } from './monthly/monthly.handler';
import { NonDiscriminationController } from './non-discrimination/non-discrimination.controller';
import { NonDiscriminationHandler } from './non-discrimination/non-discrimination.handler';
import { PlanVsActualController } from './plan-vs-actual/plan-vs-actual.controller';
import { PlanVsActualHandler } from './plan-vs-actual/plan-vs-actual.handler';
import { PriceComplianceController } from './price-compliance/price-compliance.controller';
import { PriceComplianceHandler } from './price-compliance/price-compliance.handler';
import { PromotionBudgetController } from './promotion-budget/promotion-budget.controller';
import { PromotionBudgetHandler } from './promotion-budget/promotion-budget.handler';

@Module({
  imports: [ClientsModule, ObligationsModule],
  controllers: [
    PlanVsActualController,
    PromotionBudgetController,
    PriceComplianceController,
    NonDiscriminationController,
    MonthlyController,
  ],
  providers: [PlanVsActualHandler, PromotionBudgetHandler, PriceComplianceHandler, NonDiscriminationHandler, MonthlyHandler],
})
export class ReportsModule {}
