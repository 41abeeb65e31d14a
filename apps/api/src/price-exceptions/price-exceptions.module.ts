import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ApproveSpecialPriceController } from './approve-special-price/approve-special-price.controller';
import { GetSpecialPriceController } from './get-special-price/get-special-price.controller';
import { GetSpecialPriceHandler } from './get-special-price/get-special-price.handler';
import { ListSpecialPricesController } from './list-special-prices/list-special-prices.controller';
import { ListSpecialPricesHandler } from './list-special-prices/list-special-prices.handler';
import { RevokeSpecialPriceController } from './revoke-special-price/revoke-special-price.controller';
import { SpecialPriceCommandHandler } from './special-price-command.handler';
import { SpecialPriceLocator } from './special-price-locator';

/** Special prices (price exceptions): the company's approvals below the floor for one client and SKU. */
@Module({
  imports: [ClientsModule],
  controllers: [ApproveSpecialPriceController, RevokeSpecialPriceController, ListSpecialPricesController, GetSpecialPriceController],
  providers: [SpecialPriceCommandHandler, SpecialPriceLocator, GetSpecialPriceHandler, ListSpecialPricesHandler],
})
export class PriceExceptionsModule {}
