/**
 * The clients: registered by both sides in the first week of January and claimed as the division
 * criteria say; a claim the criteria refuse; the shared history both sides write; and the story of
 * the Kraków hospital — handed to acme on its request in March, claimed back by the company's key
 * account manager in September, contested, and settled by compliance.
 */
import { randomUUID } from 'node:crypto';
import { COMPANY } from '@cl/domain/shared/sides';
import type { InteractionKind } from '@cl/domain/client';
import { actorFor, CLIENTS, PEOPLE, pln, sideOf, taxIdOf, type DemoClient, type SideName } from './demo-cast';
import { expectRecorded, step, type Step, type YearClock } from './demo-steps';

export const HOSPITAL = {
  clientId: 'c-krakow-hospital',
  requestId: 'req-krakow-hospital',
  transferId: 'tr-krakow-hospital',
  disputeId: 'dsp-krakow-hospital',
};

/** Registration day and first claim hour of each side: the company first, then acme, then baltic. */
const WEEK: Record<SideName, { registers: string; claims: string }> = {
  company: { registers: '01-05', claims: '01-06' },
  acme: { registers: '01-07', claims: '01-07' },
  baltic: { registers: '01-08', claims: '01-08' },
};

const minutes = (from: number, i: number) => {
  const total = from * 60 + i * 7;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function clientSteps(y: YearClock): Step[] {
  return [
    ...CLIENTS.map((c, i) =>
      step(y.at(WEEK[c.registeredBy].registers, minutes(9, i)), (l, at) => l.client(at, actorFor(c.registeredBy), registration(y, c, i))),
    ),
    ...CLIENTS.map((c, i) =>
      step(y.at(WEEK[c.claimedBy].claims, minutes(13, i)), async (l, at) =>
        expectRecorded(
          await l.client(at, claimant(c), { type: 'ClaimClient', data: { clientId: c.id, policies: [], disputeId: randomUUID() } }),
          'ClientClaimed',
        ),
      ),
    ),
    // acme wants the airport too; the key-accounts rule of its own policy gives it to the company: refused, on record.
    step(y.at('01-07', '17:30'), async (l, at) =>
      expectRecorded(
        await l.client(at, PEOPLE.jan, {
          type: 'ClaimClient',
          data: { clientId: 'c-warsaw-airport', policies: [], disputeId: randomUUID() },
        }),
        'ClientClaimRefused',
      ),
    ),
    ...INTERACTIONS.map(([monthDay, side, clientId, kind, summary]) =>
      step(y.at(monthDay, '12:00'), (l, at) =>
        l.client(at, side === 'piotr' ? PEOPLE.piotr : actorFor(side), {
          type: 'LogInteraction',
          data: { clientId, interactionId: randomUUID(), kind, summary, occurredAt: y.at(monthDay, '11:00') },
        }),
      ),
    ),
    ...hospitalSteps(y),
  ];
}

function registration(y: YearClock, c: DemoClient, index: number) {
  const relationships = c.knownTo ? [{ side: sideOf(c.knownTo), since: `${y.year - 3}-04-01` }] : [];
  return {
    type: 'RegisterClient',
    data: {
      clientId: c.id,
      legalName: c.legalName,
      taxId: taxIdOf(index),
      territory: c.territory,
      segment: c.segment,
      annualVolume: pln(c.volume * 100),
      relationships,
    },
  } as const;
}

/** The company's key account manager claims the key accounts; everyone else claims as their side's usual actor. */
const claimant = (c: DemoClient) => (c.claimedBy === 'company' && c.segment === 'key-account' ? PEOPLE.piotr : actorFor(c.claimedBy));

/** [MM-DD, who, client, kind, summary]: the shared history both sides read. */
const INTERACTIONS: Array<[string, SideName | 'piotr', string, InteractionKind, string]> = [
  ['01-20', 'piotr', 'c-mazowsze-water', 'meeting', 'Annual supply review: two pumping stations to refurbish in the second quarter'],
  ['02-03', 'acme', 'c-warsaw-hvac', 'visit', 'Site survey for the heating of their new office building'],
  [
    '02-17',
    'company',
    'c-radom-agro',
    'call',
    'The client asked the factory for a price on 20 pumps for an irrigation tender; referred to Acme',
  ],
  [
    '03-11',
    'acme',
    'c-krakow-hospital',
    'visit',
    "The hospital's technical department asked us to take over service and spare parts of the boiler room",
  ],
  ['04-22', 'baltic', 'c-gdynia-port', 'meeting', 'Quarterly review; new quay pumps expected in the autumn'],
  ['06-09', 'baltic', 'c-police-fertilizers', 'offer', 'Offer for 12 pumps for the cooling circuit, valid 30 days'],
  ['08-19', 'piotr', 'c-gdansk-shipyard', 'visit', 'Dock 3 drainage: replacement plan for next year agreed'],
  ['10-07', 'acme', 'c-zakopane-hotels', 'complaint', 'A valve leaked after installation; replaced under warranty the next day'],
  ['11-18', 'company', 'c-warsaw-hvac', 'email', 'Sent the new pump range catalogue, copied to Acme'],
  ['12-02', 'baltic', 'c-sopot-spa', 'call', 'The spa will renew its pool circulation in spring'],
];

function hospitalSteps(y: YearClock): Step[] {
  const { clientId, requestId, transferId, disputeId } = HOSPITAL;
  return [
    step(y.at('03-12', '09:30'), (l, at) =>
      l.client(at, PEOPLE.jan, {
        type: 'RequestTransfer',
        data: { clientId, requestId, reason: 'The hospital asked Acme to take over service and spare parts', policy: null },
      }),
    ),
    step(y.at('03-18', '14:00'), async (l, at) =>
      expectRecorded(
        await l.client(at, PEOPLE.piotr, { type: 'AcceptTransfer', data: { clientId, requestId, transferId } }),
        'ClientTransferred',
      ),
    ),
    // The key-accounts rule supports the company's claim, but acme owns the client: the claim is contested and a dispute opens.
    step(y.at('09-15', '10:00'), async (l, at) =>
      expectRecorded(
        await l.client(at, PEOPLE.piotr, { type: 'ClaimClient', data: { clientId, policies: [], disputeId } }),
        'ClientClaimContested',
      ),
    ),
    step(y.at('09-16', '12:00'), (l, at) =>
      l.dispute(at, PEOPLE.jan, {
        type: 'AddDisputeNote',
        data: {
          disputeId,
          noteId: randomUUID(),
          text: 'The company accepted the hand-over on 18 March; we have served the hospital since.',
        },
      }),
    ),
    step(y.at('09-17', '09:00'), (l, at) =>
      l.dispute(at, PEOPLE.piotr, {
        type: 'AddDisputeEvidence',
        data: {
          disputeId,
          evidenceId: randomUUID(),
          reference: `doc://tenders/krakow-hospital-${y.year}`,
          description: "The hospital's central tender for next year names the manufacturer as the supplier",
        },
      }),
    ),
    step(y.at('09-30', '16:00'), (l, at) =>
      l.dispute(at, PEOPLE.marta, {
        type: 'DecideDispute',
        data: {
          disputeId,
          outcome: {
            decision: 'A key account under rule key-accounts: the client returns to the company; the March hand-over covered service only.',
            clientOwner: COMPANY,
          },
        },
      }),
    ),
  ];
}
