/** The controllers and providers of the dispute routes (one folder per use case), spread into DisputesModule. */
import type { Provider, Type } from '@nestjs/common';
import { AcceptResolutionController } from './accept-resolution/accept-resolution.controller';
import { AddDisputeEvidenceController } from './add-dispute-evidence/add-dispute-evidence.controller';
import { AddDisputeNoteController } from './add-dispute-note/add-dispute-note.controller';
import { DecideDisputeController } from './decide-dispute/decide-dispute.controller';
import { GetDisputeController } from './get-dispute/get-dispute.controller';
import { GetDisputeHandler } from './get-dispute/get-dispute.handler';
import { DisputesReportController } from './list-disputes/disputes-report.controller';
import { ListDisputesController } from './list-disputes/list-disputes.controller';
import { ListDisputesHandler } from './list-disputes/list-disputes.handler';
import { DisputeOpening } from './open-dispute/dispute-opening';
import { OpenDisputeController } from './open-dispute/open-dispute.controller';
import { ProposeResolutionController } from './propose-resolution/propose-resolution.controller';
import { WithdrawDisputeController } from './withdraw-dispute/withdraw-dispute.controller';

export const disputeControllers: Type[] = [
  OpenDisputeController,
  ListDisputesController,
  DisputesReportController,
  GetDisputeController,
  AddDisputeNoteController,
  AddDisputeEvidenceController,
  ProposeResolutionController,
  AcceptResolutionController,
  DecideDisputeController,
  WithdrawDisputeController,
];

export const disputeProviders: Provider[] = [DisputeOpening, ListDisputesHandler, GetDisputeHandler];
