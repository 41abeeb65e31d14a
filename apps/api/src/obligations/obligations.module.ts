import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { AcceptEvidenceController } from './accept-evidence/accept-evidence.controller';
import { DisputeEvidenceController } from './dispute-evidence/dispute-evidence.controller';
import { EvidenceDispute } from './dispute-evidence/evidence-dispute';
import { EvidenceDisputeOpenerReactor } from './dispute-evidence/evidence-dispute-opener.reactor';
import { AcknowledgeReportController } from './acknowledge-report/acknowledge-report.controller';
import { ListObligationsController } from './list-obligations/list-obligations.controller';
import { ObligationsCommandHandler } from './obligations-command.handler';
import { ObligationsReader } from './obligations-reader';
import { RecordEvidenceController } from './record-evidence/record-evidence.controller';
import { RecordMeetingController } from './record-meeting/record-meeting.controller';
import { RecordPaymentController } from './record-payment/record-payment.controller';
import { ObligationsScorecard } from './scorecard/obligations-scorecard';
import { ScorecardController } from './scorecard/scorecard.controller';
import { EvidenceDisputeSettlementReactor } from './settle-evidence-disputes/evidence-dispute-settlement.reactor';
import { SubmitReportController } from './submit-report/submit-report.controller';
import { WaiveObligationController } from './waive-obligation/waive-obligation.controller';

/** Obligations derived from the policy and settlements, and the facts of how each party keeps them. */
@Module({
  imports: [ClientsModule],
  controllers: [
    RecordEvidenceController,
    AcceptEvidenceController,
    DisputeEvidenceController,
    WaiveObligationController,
    SubmitReportController,
    AcknowledgeReportController,
    RecordMeetingController,
    RecordPaymentController,
    ListObligationsController,
    ScorecardController,
  ],
  providers: [
    ObligationsCommandHandler,
    EvidenceDispute,
    ObligationsReader,
    ObligationsScorecard,
    // The processes linking an evidence dispute's stream and the obligations stream, both ways.
    EvidenceDisputeOpenerReactor,
    EvidenceDisputeSettlementReactor,
  ],
  exports: [ObligationsReader],
})
export class ObligationsModule {}
