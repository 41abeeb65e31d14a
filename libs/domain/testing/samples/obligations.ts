/** Samples of how the parties of policy d-1-2026 keep their obligations, from the obligations and dispute deciders. */
import { disputeDecider } from '../../dispute/dispute';
import * as dispute from '../../dispute/testing/fixtures';
import { obligationsDecider } from '../../obligations/obligations';
import * as ob from '../../obligations/testing/fixtures';
import type { Side } from '../../shared/sides';
import { Scenario, type SampleEvent } from './scenario';

/**
 * One year's stream: the Q1 meeting held; March's report submitted and acknowledged; the Q1 bonus paid
 * in two instalments; one engineer's certificate accepted, the other's disputed and rejected when
 * compliance decided the dispute; the company's training commitment waived by the distributor. The
 * obligations are the sample policy's, as derived. Then that dispute, in its own stream.
 */
export function obligationsSamples(): SampleEvent[] {
  const { asCompany: company, asDistributor: d1 } = ob;
  const obligations = new Scenario(obligationsDecider, 'obligations d-1-2026').run(
    ob.meetingCmd(company('2026-03-20T17:00:00.000Z'), '2026-Q1', '2026-03-20'),
    ob.submitCmd(d1('2026-04-02T09:00:00.000Z'), '2026-03', 'Sales up 10% on plan; two new key accounts in Mazovia'),
    ob.acknowledgeCmd(company('2026-04-03T09:00:00.000Z'), '2026-03'),
    ob.paymentCmd(company('2026-04-20T12:00:00.000Z'), 150_000, 'TR-2026-0412', '2026-04-20'),
    ob.paymentCmd(company('2026-04-30T12:00:00.000Z'), 100_000, 'TR-2026-0488', '2026-04-30'),
    ob.recordEvidenceCmd(d1('2026-05-21T09:00:00.000Z'), { evidenceId: 'ev-1', what: 'Certificate of A. Kowalska', when: '2026-05-20' }),
    ob.acceptCmd(company('2026-05-22T09:00:00.000Z'), 'ev-1'),
    ob.recordEvidenceCmd(d1('2026-06-10T09:00:00.000Z'), { evidenceId: 'ev-2', what: 'Certificate of P. Zieliński', when: '2026-06-08' }),
    ob.disputeCmd(company('2026-06-11T09:00:00.000Z'), 'dsp-1', 'ev-2', 'The certificate was issued for level 1, not level 2'),
    ob.settleDisputeCmd(ob.asSystem('2026-06-20T09:00:00.000Z'), 'rejected', 'dsp-1', 'ev-2'),
    ob.waiveCmd(d1('2026-07-02T09:00:00.000Z'), 'commitment:training', 'Trained online instead'),
  ).samples;
  return [...obligations, ...evidenceDisputeSamples()];
}

/** The dispute about ev-2: opened by the process for the company, decided by compliance with a verdict on the evidence. */
function evidenceDisputeSamples(): SampleEvent[] {
  const subject = { kind: 'obligation' as const, policyId: ob.POLICY_ID, obligationId: ob.QUAL, evidenceId: 'ev-2' };
  const opening = { subject, parties: [dispute.COMPANY, dispute.D1] as [Side, Side], openedBy: dispute.COMPANY };
  return new Scenario(disputeDecider, 'dispute dsp-1 about evidence ev-2').run(
    dispute.openCommand(dispute.asSystem('2026-06-11T09:00:01.000Z'), {
      ...opening,
      summary: 'The certificate was issued for level 1, not level 2',
    }),
    dispute.decideCommand(dispute.asCompliance('2026-06-20T09:00:00.000Z'), {
      decision: 'The certificate covers level 1 only',
      evidenceVerdict: 'rejected',
    }),
  ).samples;
}
