import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CancelSaleController } from './cancel-sale/cancel-sale.controller';
import { CorrectSaleController } from './correct-sale/correct-sale.controller';
import { GetSaleController } from './get-sale/get-sale.controller';
import { GetSaleHandler } from './get-sale/get-sale.handler';
import { ListSalesController } from './list-sales/list-sales.controller';
import { ListSalesHandler } from './list-sales/list-sales.handler';
import { RecordSaleController } from './record-sale/record-sale.controller';
import { SaleCommandHandler } from './sale-command.handler';
import { SaleContextReader } from './sale-context.reader';

/** Sales: recorded against the floors of the governing policy, corrected and cancelled by the seller; read with scoping. */
@Module({
  imports: [ClientsModule],
  controllers: [RecordSaleController, CorrectSaleController, CancelSaleController, ListSalesController, GetSaleController],
  providers: [SaleCommandHandler, SaleContextReader, GetSaleHandler, ListSalesHandler],
})
export class SalesModule {}
