/** The controllers and query handlers of the client read side (one folder per use case). */
import type { Provider, Type } from '@nestjs/common';
import { ClaimsRegisterController } from './claims-register/claims-register.controller';
import { ClaimsRegisterHandler } from './claims-register/claims-register.handler';
import { ClientHistoryController } from './client-history/client-history.controller';
import { ClientHistoryHandler } from './client-history/client-history.handler';
import { ClientOwnershipController } from './client-ownership/client-ownership.controller';
import { ClientOwnershipHandler } from './client-ownership/client-ownership.handler';
import { GetClientController } from './get-client/get-client.controller';
import { GetClientHandler } from './get-client/get-client.handler';
import { ListClientsController } from './list-clients/list-clients.controller';
import { ListClientsHandler } from './list-clients/list-clients.handler';
import { TransfersReportController } from './transfers-report/transfers-report.controller';
import { TransfersReportHandler } from './transfers-report/transfers-report.handler';

export const clientQueryControllers: Type[] = [
  ListClientsController,
  GetClientController,
  ClientOwnershipController,
  ClientHistoryController,
  TransfersReportController,
  ClaimsRegisterController,
];
export const clientQueryProviders: Provider[] = [
  ListClientsHandler,
  GetClientHandler,
  ClientOwnershipHandler,
  ClientHistoryHandler,
  TransfersReportHandler,
  ClaimsRegisterHandler,
];
