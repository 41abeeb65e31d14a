/** Samples of client and dispute facts, from their deciders (the tax-id reservation is the API's own write). */
import { clientDecider } from '../../client/client';
import type { ClientCommand } from '../../client/commands';
import type { ClientTaxIdReserved } from '../../client/events';
import { normaliseTaxId } from '../../client/tax-id';
import {
  asCompany,
  asDistributor,
  asSystem,
  claim,
  claimedByD1,
  CLIENT_ID,
  COMPANY,
  D1,
  keyAccount,
  policyInForce,
  registered,
  registration,
} from '../../client/testing/fixtures';
import { disputeDecider } from '../../dispute/dispute';
import * as dispute from '../../dispute/testing/fixtures';
import { Scenario, sampleOf, type SampleEvent } from './scenario';

type Ctx = ClientCommand['context'];
const client = (type: ClientCommand['type'], data: object, context: Ctx) =>
  ({ type, data: { clientId: CLIENT_ID, ...data }, context }) as ClientCommand;

/** Registered and claimed by d-1; interactions; a hand-over asked for, withdrawn, asked again, contested; handed over; released. */
export function clientLifeSamples(): SampleEvent[] {
  const reservation: ClientTaxIdReserved = {
    type: 'ClientTaxIdReserved',
    data: { taxId: normaliseTaxId(registration().taxId) as string, clientId: CLIENT_ID, reservedAt: '2026-02-01T09:00:00.000Z' },
  };
  const life = new Scenario(clientDecider, 'client c-1').run(
    {
      type: 'RegisterClient',
      data: registration({ relationships: [{ side: D1, since: '2024-05-01' }] }),
      context: asDistributor('2026-02-01T09:00:00.000Z'),
    },
    claim(asDistributor('2026-02-02T09:00:00.000Z')),
    client(
      'LogInteraction',
      { interactionId: 'i-1', kind: 'visit', summary: 'Site visit: pump room survey', occurredAt: '2026-02-10' },
      asDistributor('2026-02-11T08:00:00.000Z'),
    ),
    client(
      'RequestTransfer',
      { requestId: 'req-1', reason: 'The client asked us for an offer', policy: policyInForce() },
      asCompany('2026-03-01T09:00:00.000Z'),
    ),
    client('WithdrawTransferRequest', { requestId: 'req-1', reason: 'The client chose to stay' }, asCompany('2026-03-02T09:00:00.000Z')),
    client(
      'RequestTransfer',
      { requestId: 'req-2', reason: 'Tender for the new plant', policy: policyInForce() },
      asCompany('2026-03-10T09:00:00.000Z'),
    ),
    client(
      'ContestTransfer',
      { requestId: 'req-2', disputeId: 'disp-2', reason: 'We serve this client weekly' },
      asDistributor('2026-03-11T09:00:00.000Z'),
    ),
    client(
      'HandOverClient',
      { transferId: 'tr-1', to: COMPANY, reason: 'Key account from the new plant on' },
      asDistributor('2026-04-01T09:00:00.000Z'),
    ),
    client('ReleaseClient', { reason: 'No longer active in the segment' }, asCompany('2026-06-01T09:00:00.000Z')),
  );
  return [sampleOf(reservation, 'client c-1: the tax-id reservation the API appends with the registration'), ...life.samples];
}

/** A key account: d-1's claim refused by the criteria; the company's claim contested (d-1 owned it), then the dispute settled. */
export function clientClaimSamples(): SampleEvent[] {
  const refused = new Scenario(clientDecider, 'key account c-1', [registered(COMPANY, keyAccount())]).run(
    claim(asDistributor('2026-02-02T09:00:00.000Z')),
  );
  const contested = new Scenario(clientDecider, 'key account c-1 owned by d-1', [registered(COMPANY, keyAccount()), claimedByD1()]).run(
    claim(asCompany('2026-02-03T09:00:00.000Z'), [policyInForce()], 'disp-9'),
    client(
      'SettleClientDispute',
      { disputeId: 'disp-9', resolution: 'resolved', clientOwner: COMPANY, transferId: 'tr-9' },
      asSystem('2026-03-10T09:00:00.000Z'),
    ),
  );
  return [...refused.samples, ...contested.samples];
}

/** Opened for d-1's contested claim, a note, evidence, a proposal accepted; one decided by compliance; one withdrawn. */
export function disputeSamples(): SampleEvent[] {
  const { asCompany: company, asDistributor: d1, asCompliance: compliance, asSystem: system } = dispute;
  // A contested claim: the dispute process opens it for the claimant.
  const agreed = new Scenario(disputeDecider, 'dispute dsp-1').run(
    dispute.openCommand(system(dispute.OPENED_AT), { origin: dispute.claimOrigin() }),
    dispute.noteCommand(company('2026-03-03T09:00:00.000Z'), 'Our records show orders through the company since 2023'),
    dispute.evidenceCommand(d1('2026-03-04T09:00:00.000Z')),
    dispute.proposeCommand(company('2026-03-05T09:00:00.000Z'), dispute.outcome('The client goes to d-1', dispute.D1)),
    dispute.acceptCommand(d1('2026-03-06T09:00:00.000Z'), 1),
  );
  const decided = new Scenario(disputeDecider, 'dispute dsp-1 before compliance').run(
    dispute.openCommand(company(dispute.OPENED_AT), {
      parties: [COMPANY, D1],
      openedBy: COMPANY,
      subject: { kind: 'sale', saleId: 's-7', clientId: 'cl-1' },
    }),
    dispute.decideCommand(compliance('2026-03-20T09:00:00.000Z'), dispute.outcome('The sale stands; no adjustment')),
  );
  const withdrawn = new Scenario(disputeDecider, 'dispute dsp-1 withdrawn').run(
    dispute.openCommand(d1(dispute.OPENED_AT), { subject: { kind: 'price', sku: 'PUMP-100' } }),
    dispute.withdrawCommand(d1('2026-03-03T09:00:00.000Z')),
  );
  return [...agreed.samples, ...decided.samples, ...withdrawn.samples];
}
