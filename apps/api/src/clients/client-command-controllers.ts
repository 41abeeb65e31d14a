/** The controllers of the client commands (one folder per use case). */
import { AcceptTransferController } from './accept-transfer/accept-transfer.controller';
import { ClaimClientController } from './claim-client/claim-client.controller';
import { ContestTransferController } from './contest-transfer/contest-transfer.controller';
import { HandOverClientController } from './hand-over-client/hand-over-client.controller';
import { LogInteractionController } from './log-interaction/log-interaction.controller';
import { RegisterClientController } from './register-client/register-client.controller';
import { ReleaseClientController } from './release-client/release-client.controller';
import { RequestTransferController } from './request-transfer/request-transfer.controller';
import { WithdrawTransferRequestController } from './withdraw-transfer-request/withdraw-transfer-request.controller';

export const clientCommandControllers = [
  RegisterClientController,
  ClaimClientController,
  RequestTransferController,
  AcceptTransferController,
  ContestTransferController,
  WithdrawTransferRequestController,
  HandOverClientController,
  ReleaseClientController,
  LogInteractionController,
];
