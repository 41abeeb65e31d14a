import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { DisputeCommandHandler } from './dispute-command.handler';
import { DisputeOpenerReactor } from './open-contested-disputes/dispute-opener.reactor';

@Module({
  imports: [ClientsModule],
  controllers: [],
  providers: [DisputeCommandHandler, DisputeOpenerReactor],
})
export class DisputesModule {}
