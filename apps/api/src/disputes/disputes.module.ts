import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { DisputeCommandHandler } from './dispute-command.handler';
import { disputeControllers, disputeProviders } from './dispute-controllers';
import { DisputeOpenerReactor } from './open-contested-disputes/dispute-opener.reactor';

@Module({
  imports: [ClientsModule],
  controllers: disputeControllers,
  providers: [DisputeCommandHandler, DisputeOpenerReactor, ...disputeProviders],
})
export class DisputesModule {}
