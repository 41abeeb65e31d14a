import { deciderSpec } from '../testing/decider-spec';
import { disputeDecider } from './dispute';
import type { DisputeSubject } from './events';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  claimOrigin,
  clientSubject,
  COMPANY,
  contestOrigin,
  D1,
  D2,
  distributor,
  OPENED_AT,
  openCommand,
  opened,
  refusalOf,
  withdrawn,
  type Opening,
} from './testing/fixtures';

const spec = deciderSpec(disputeDecider);
const LATER = '2026-03-03T10:00:00.000Z';

/** The field errors a command opened by the system (which may name any opener) is refused with. */
const fieldErrors = (o: Record<string, unknown>) => {
  const refusal = refusalOf([], openCommand(asSystem(OPENED_AT), o as Partial<Opening>));
  expect(refusal.code).toBe('DISPUTE.INVALID_COMMAND');
  expect(refusal.kind).toBe('invalid');
  return refusal.details.errors;
};

describe('dispute: opening by a side', () => {
  it('the protected party opens one about the evidence of a policy obligation, which names no client', () => {
    const subject: DisputeSubject = { kind: 'obligation', policyId: 'd-1-2026', obligationId: 'qual:sales engineer:Pump L2', evidenceId: 'e-1' };
    const about = { subject, parties: [COMPANY, D1] as Opening['parties'], openedBy: COMPANY };
    spec.given([]).when(openCommand(asCompany(LATER), about)).then([opened(about, LATER)]);
  });

  it('a distributor opens a dispute with the company about a client, at the command’s instant', () => {
    spec.given([]).when(openCommand()).then([opened()]);
  });

  it('the company opens one about a sale or a price, with or without the client concerned', () => {
    const subjects: DisputeSubject[] = [
      { kind: 'sale', saleId: 's-9' },
      { kind: 'sale', saleId: 's-9', clientId: 'cl-1' },
      { kind: 'price', sku: 'SKU-1' },
      { kind: 'price', sku: 'SKU-1', clientId: 'cl-1' },
    ];
    for (const subject of subjects) {
      const o = { subject, openedBy: COMPANY };
      spec
        .given([])
        .when(openCommand(asCompany(OPENED_AT), o))
        .then([opened(o)]);
    }
  });

  it('two distributors may be the parties', () => {
    const o = { parties: [D1, D2] as Opening['parties'] };
    spec
      .given([])
      .when(openCommand(asDistributor(OPENED_AT), o))
      .then([opened(o)]);
  });

  it('records the summary trimmed, and sides and subjects without stray members', () => {
    const command = openCommand(asDistributor(OPENED_AT), {
      summary: '  The client is ours \n',
      subject: { kind: 'client', clientId: 'cl-1', note: 'x' } as never,
      parties: [{ ...D1, extra: true } as never, { party: 'company', distributorId: 'd-7' } as never],
    });
    spec
      .given([])
      .when(command)
      .then([opened({ summary: 'The client is ours' })]);
  });

  it('compliance judges disputes and may not open one', () => {
    spec
      .given([])
      .when(openCommand(asCompliance(OPENED_AT)))
      .thenThrows('DISPUTE.FORBIDDEN_PARTY');
    expect(refusalOf([], openCommand(asCompliance(OPENED_AT))).kind).toBe('forbidden');
  });

  it('a side opens only in its own name', () => {
    spec
      .given([])
      .when(openCommand(asCompany(OPENED_AT)))
      .thenThrows('DISPUTE.FORBIDDEN_PARTY');
    spec
      .given([])
      .when(openCommand(asDistributor(OPENED_AT, 'd-2'), { parties: [D2, COMPANY] }))
      .thenThrows('DISPUTE.FORBIDDEN_PARTY');
  });

  it('a distributor user without a distributor is no side', () => {
    const context = { now: new Date(OPENED_AT), actor: { party: 'distributor' as const, userId: 'ghost' } };
    spec.given([]).when(openCommand(context)).thenThrows('DISPUTE.FORBIDDEN_PARTY');
  });

  it('a side may not state a claim or a hand-over as the origin: only the dispute process does', () => {
    spec
      .given([])
      .when(openCommand(asDistributor(OPENED_AT), { origin: claimOrigin() }))
      .thenThrows('DISPUTE.FORBIDDEN_PARTY');
    spec
      .given([])
      .when(openCommand(asCompany(OPENED_AT), { openedBy: COMPANY, origin: contestOrigin() }))
      .thenThrows('DISPUTE.FORBIDDEN_PARTY');
  });
});

describe('dispute: opening by the dispute process', () => {
  it('opens for a contested claim in the claimant’s name', () => {
    const o = { origin: claimOrigin() };
    spec
      .given([])
      .when(openCommand(asSystem(OPENED_AT), o))
      .then([opened(o)]);
  });

  it('opens for a contested hand-over in the contesting owner’s name', () => {
    const o = { openedBy: COMPANY, origin: contestOrigin() };
    spec
      .given([])
      .when(openCommand(asSystem(OPENED_AT), o))
      .then([opened(o)]);
  });

  it('a second delivery of the same dispute records nothing', () => {
    const o = { origin: claimOrigin() };
    spec
      .given([opened(o)])
      .when(openCommand(asSystem(LATER), o))
      .then([]);
  });

  it('it is the same dispute whatever the order of the parties or the summary', () => {
    const o = { origin: claimOrigin() };
    spec
      .given([opened(o)])
      .when(openCommand(asSystem(LATER), { ...o, parties: [COMPANY, D1], summary: 'reworded' }))
      .then([]);
  });

  it('a late second delivery after the dispute ended records nothing, and does not reopen it', () => {
    const o = { origin: claimOrigin() };
    spec
      .given([opened(o), withdrawn(LATER)])
      .when(openCommand(asSystem(LATER), o))
      .then([]);
  });

  it('a side resending its own opening records nothing either', () => {
    spec
      .given([opened()])
      .when(openCommand(asDistributor(LATER)))
      .then([]);
  });
});

describe('dispute: an id already taken', () => {
  const given = [opened({ origin: claimOrigin() })];

  it.each<[string, Partial<Opening>]>([
    ['another subject', { origin: claimOrigin(), subject: clientSubject('cl-2') }],
    ['other parties', { origin: claimOrigin(D1, D2), parties: [D1, D2] }],
    ['another kind of origin', { origin: { kind: 'direct' } }],
  ])('is refused for %s', (_, o) => {
    const command = openCommand(asSystem(LATER), o);
    spec.given(given).when(command).thenThrows('DISPUTE.ALREADY_EXISTS');
    expect(refusalOf(given, command).kind).toBe('conflict');
  });

  it('is refused for a direct dispute about a sale under a client dispute’s id', () => {
    spec
      .given([opened()])
      .when(openCommand(asDistributor(LATER), { subject: { kind: 'sale', saleId: 's-1' } }))
      .thenThrows('DISPUTE.ALREADY_EXISTS');
  });
});

describe('dispute: opening validation names every field', () => {
  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    ['an empty id', { disputeId: ' ' }, [{ field: 'disputeId', message: 'must be a non-empty string' }]],
    ['one side twice', { parties: [D1, distributor('d-1')] }, [{ field: 'parties', message: 'must be two different sides' }]],
    ['one party', { parties: [D1] }, [{ field: 'parties', message: 'must be exactly two sides' }]],
    ['three parties', { parties: [D1, D2, COMPANY] }, [{ field: 'parties', message: 'must be exactly two sides' }]],
    ['no parties', { parties: undefined }, [{ field: 'parties', message: 'must be exactly two sides' }]],
    [
      'an unknown party',
      { parties: [D1, { party: 'compliance' }] },
      [{ field: 'parties[1].party', message: 'must be one of company, distributor' }],
    ],
    [
      'a distributor without id',
      { parties: [{ party: 'distributor' }, COMPANY] },
      [{ field: 'parties[0].distributorId', message: 'must be a non-empty string' }],
    ],
    ['an opener who is not a party', { openedBy: D2 }, [{ field: 'openedBy', message: 'must be one of the two parties' }]],
    ['no opener', { openedBy: undefined }, [{ field: 'openedBy', message: 'is required' }]],
    ['a blank summary', { summary: ' \n ' }, [{ field: 'summary', message: 'must be a non-empty string' }]],
    ['a summary that is not text', { summary: 42 }, [{ field: 'summary', message: 'must be a non-empty string' }]],
    ['a summary too long', { summary: 'x'.repeat(2001) }, [{ field: 'summary', message: 'must be at most 2000 characters' }]],
    ['no subject', { subject: undefined }, [{ field: 'subject', message: 'is required' }]],
    [
      'an unknown subject',
      { subject: { kind: 'order', orderId: 'o-1' } },
      [{ field: 'subject.kind', message: 'must be one of client, sale, price, obligation' }],
    ],
    [
      'an empty client id',
      { subject: { kind: 'client', clientId: '' } },
      [{ field: 'subject.clientId', message: 'must be a non-empty string' }],
    ],
    [
      'a client id too long',
      { subject: clientSubject('c'.repeat(101)) },
      [{ field: 'subject.clientId', message: 'must be at most 100 characters' }],
    ],
    ['a sale without id', { subject: { kind: 'sale' } }, [{ field: 'subject.saleId', message: 'must be a non-empty string' }]],
    [
      'a sale with an empty client',
      { subject: { kind: 'sale', saleId: 's-1', clientId: ' ' } },
      [{ field: 'subject.clientId', message: 'must be a non-empty string' }],
    ],
    [
      'an sku too long',
      { subject: { kind: 'price', sku: 'S'.repeat(65) } },
      [{ field: 'subject.sku', message: 'must be at most 64 characters' }],
    ],
    [
      'an obligation without its policy',
      { subject: { kind: 'obligation', obligationId: 'qual:a:b' } },
      [{ field: 'subject.policyId', message: 'must be a non-empty string' }],
    ],
    ['no origin', { origin: undefined }, [{ field: 'origin', message: 'is required' }]],
    [
      'an unknown origin',
      { origin: { kind: 'rumour' } },
      [{ field: 'origin.kind', message: 'must be one of direct, claim, transfer-contest' }],
    ],
  ])('refuses %s', (_, o, errors) => {
    expect(fieldErrors(o)).toEqual(errors);
  });

  it('accepts ids and texts at their limits', () => {
    const o = {
      disputeId: 'd'.repeat(100),
      subject: { kind: 'price' as const, sku: 'S'.repeat(64), clientId: 'c'.repeat(100) },
      summary: 'x'.repeat(2000),
    };
    spec
      .given([])
      .when(openCommand(asDistributor(OPENED_AT), o))
      .then([opened(o)]);
  });

  it('reports every problem at once', () => {
    expect(fieldErrors({ disputeId: '', summary: '', subject: { kind: 'client' }, parties: [COMPANY, COMPANY] })).toEqual([
      { field: 'disputeId', message: 'must be a non-empty string' },
      { field: 'subject.clientId', message: 'must be a non-empty string' },
      { field: 'parties', message: 'must be two different sides' },
      { field: 'summary', message: 'must be a non-empty string' },
    ]);
  });

  it('a side’s invalid opening is refused as invalid too', () => {
    spec
      .given([])
      .when(openCommand(asDistributor(OPENED_AT), { summary: '' }))
      .thenThrows('DISPUTE.INVALID_COMMAND');
  });
});

describe('dispute: an origin must agree with the dispute it opens', () => {
  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    [
      'a claim about a sale',
      { origin: claimOrigin(), subject: { kind: 'sale', saleId: 's-1' } },
      [{ field: 'subject.kind', message: 'must be client for this origin' }],
    ],
    [
      'a claim between other sides',
      { origin: claimOrigin(D2, COMPANY) },
      [
        { field: 'origin', message: 'must name the two parties' },
        { field: 'openedBy', message: 'must be the claimant of the origin' },
      ],
    ],
    [
      'a claim opened by the owner',
      { origin: claimOrigin(), openedBy: COMPANY },
      [{ field: 'openedBy', message: 'must be the claimant of the origin' }],
    ],
    ['a contest opened by the requester', { origin: contestOrigin() }, [{ field: 'openedBy', message: 'must be the owner of the origin' }]],
    [
      'a claim without bases',
      { origin: { kind: 'claim', claimant: D1, owner: COMPANY } },
      [
        { field: 'origin.claimantBasis', message: 'is required' },
        { field: 'origin.ownerBasis', message: 'is required' },
      ],
    ],
    [
      'a contest without request',
      { openedBy: COMPANY, origin: { kind: 'transfer-contest', requester: D1, owner: 'company' } },
      [
        { field: 'origin.requestId', message: 'must be a non-empty string' },
        { field: 'origin.owner', message: 'must be an object' },
        { field: 'origin.requestReason', message: 'must be a string' },
      ],
    ],
  ])('refuses %s', (_, o, errors) => {
    expect(fieldErrors(o)).toEqual(errors);
  });
});
