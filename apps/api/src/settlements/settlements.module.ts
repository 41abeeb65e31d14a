import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ClosePeriodController } from './close-period/close-period.controller';
import { PeriodClosing } from './close-period/period-closing';
import { ListSettlementsController } from './list-settlements/list-settlements.controller';
import { ListSettlementsHandler } from './list-settlements/list-settlements.handler';

/** Period settlement: closing a plan period records its actual, attainment and bonus. */
@Module({
  imports: [ClientsModule],
  controllers: [ClosePeriodController, ListSettlementsController],
  providers: [PeriodClosing, ListSettlementsHandler],
})
export class SettlementsModule {}
