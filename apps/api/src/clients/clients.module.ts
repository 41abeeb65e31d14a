import { Module } from '@nestjs/common';
import { clientCommandControllers } from './client-command-controllers';
import { ClientCommandHandler } from './client-command.handler';
import { clientQueryControllers, clientQueryProviders } from './client-query-controllers';
import { ClientVisibility } from './client-visibility';
import { PolicyLookup } from './policy-lookup';
import { DisputeSettlementReactor } from './settle-disputes/dispute-settlement.reactor';
import { TaxIdRegistry } from './tax-id-registry';

@Module({
  controllers: [...clientCommandControllers, ...clientQueryControllers],
  providers: [ClientCommandHandler, ClientVisibility, PolicyLookup, TaxIdRegistry, DisputeSettlementReactor, ...clientQueryProviders],
  exports: [ClientVisibility, PolicyLookup],
})
export class ClientsModule {}
