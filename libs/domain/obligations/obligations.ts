/**
 * The obligations decider: one stream per policy. The obligations come with each command, derived
 * from the terms in force and the settlements; the stream records how they are kept.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import type { ObligationsCommand } from './commands';
import { acceptEvidence, disputeEvidence, recordEvidence } from './evidence';
import { settleEvidenceDispute } from './evidence-dispute';
import type { ObligationsEvent } from './events';
import { recordMeeting } from './meetings';
import { recordPayment } from './payments';
import { acknowledgeReport, submitReport } from './reports';
import { evolveObligations, initialObligationsState, type ObligationsState } from './state';
import { waiveObligation } from './waive';

function decide(command: ObligationsCommand, state: ObligationsState): ObligationsEvent[] {
  switch (command.type) {
    case 'RecordEvidence':
      return recordEvidence(command, state);
    case 'AcceptEvidence':
      return acceptEvidence(command, state);
    case 'DisputeEvidence':
      return disputeEvidence(command, state);
    case 'SettleEvidenceDispute':
      return settleEvidenceDispute(command, state);
    case 'WaiveObligation':
      return waiveObligation(command, state);
    case 'SubmitPeriodicReport':
      return submitReport(command, state);
    case 'AcknowledgePeriodicReport':
      return acknowledgeReport(command, state);
    case 'RecordMeeting':
      return recordMeeting(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    default:
      return assertNever(command);
  }
}

export const obligationsDecider: Decider<ObligationsState, ObligationsCommand, ObligationsEvent> = {
  initialState: initialObligationsState,
  decide,
  evolve: evolveObligations,
};
