import { deciderSpec } from '../testing/decider-spec';
import type { CommandContext } from '../shared/types';
import type { DisputeCommand } from './commands';
import { disputeDecider } from './dispute';
import type { DisputeEvent } from './events';
import {
  acceptCommand,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  claimOrigin,
  COMPANY,
  D1,
  D2,
  decideCommand,
  noteAdded,
  opened,
  outcome,
  proposeCommand,
  proposed,
  refusalOf,
  resolvedByAgreement,
  resolvedByCompliance,
  withdrawCommand,
  withdrawn,
} from './testing/fixtures';

const spec = deciderSpec(disputeDecider);
const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-04T10:00:00.000Z';
const T3 = '2026-03-05T10:00:00.000Z';
const saleDispute = () => opened({ subject: { kind: 'sale', saleId: 's-9', clientId: 'cl-1' } });
const EVIDENCE_SUBJECT = {
  kind: 'obligation' as const,
  policyId: 'd-1-2026',
  obligationId: 'qual:sales engineer:Pump L2',
  evidenceId: 'ev-1',
};
/** The company, protected by the obligation, disputes d-1's evidence. */
const evidenceDispute = () => opened({ subject: EVIDENCE_SUBJECT, parties: [COMPANY, D1], openedBy: COMPANY });

const fieldErrors = (given: DisputeEvent[], command: DisputeCommand) => {
  const refusal = refusalOf(given, command);
  expect(refusal.code).toBe('DISPUTE.INVALID_COMMAND');
  expect(refusal.kind).toBe('invalid');
  return refusal.details.errors;
};

/** The outcome rules hold alike for a party's proposal and for compliance's decision. */
describe.each<[string, (context: CommandContext, o: unknown) => DisputeCommand, CommandContext]>([
  ['a proposal', (context, o) => proposeCommand(context, o as never), asCompany(T1)],
  ['a decision', (context, o) => decideCommand(context, o as never), asCompliance(T1)],
])('dispute: the outcome of %s', (_, command, context) => {
  it.each<[string, unknown, { field: string; message: string }[]]>([
    ['an outcome that is no object', 'agreed', [{ field: 'outcome', message: 'must be an object' }]],
    ['a blank decision', { decision: ' ' }, [{ field: 'outcome.decision', message: 'must be a non-empty string' }]],
    ['a decision too long', { decision: 'x'.repeat(2001) }, [{ field: 'outcome.decision', message: 'must be at most 2000 characters' }]],
    ['an owner who is no party', outcome('to d-2', D2), [{ field: 'outcome.clientOwner', message: 'must be one of the two parties' }]],
    [
      'an owner that is no side',
      { decision: 'x', clientOwner: { party: 'compliance' } },
      [{ field: 'outcome.clientOwner.party', message: 'must be one of company, distributor' }],
    ],
  ])('refuses %s', (_n, o, errors) => {
    expect(fieldErrors([opened()], command(context, o))).toEqual(errors);
  });

  it('names the client’s owner only in a dispute about a client', () => {
    expect(fieldErrors([saleDispute()], command(context, outcome('the sale stands', COMPANY)))).toEqual([
      { field: 'outcome.clientOwner', message: 'may be given only in a dispute about a client' },
    ]);
  });

  it('says whether disputed evidence of an obligation stands: required there', () => {
    expect(fieldErrors([evidenceDispute()], command(context, outcome('The certificate is valid')))).toEqual([
      { field: 'outcome.evidenceVerdict', message: "is required in a dispute about an obligation's evidence" },
    ]);
    expect(fieldErrors([evidenceDispute()], command(context, { decision: 'x', evidenceVerdict: 'maybe' }))).toEqual([
      { field: 'outcome.evidenceVerdict', message: "must be one of upheld, rejected in a dispute about an obligation's evidence" },
    ]);
  });

  it('gives an evidence verdict only in a dispute about an obligation’s evidence', () => {
    expect(fieldErrors([saleDispute()], command(context, { decision: 'the sale stands', evidenceVerdict: 'upheld' }))).toEqual([
      { field: 'outcome.evidenceVerdict', message: "may be given only in a dispute about an obligation's evidence" },
    ]);
  });

  it('needs an opened dispute', () => {
    spec.given([]).when(command(context, outcome())).thenThrows('DISPUTE.NOT_FOUND');
  });

  it.each([
    ['resolved', resolvedByCompliance(T1)],
    ['withdrawn', withdrawn(T1)],
  ])('is refused once the dispute is %s', (status, end) => {
    const refusal = refusalOf([opened(), end], command(context, outcome()));
    expect([refusal.code, refusal.kind, refusal.details]).toEqual(['DISPUTE.CLOSED', 'conflict', { status }]);
  });
});

describe('dispute: proposing a resolution', () => {
  it('a party proposes; proposals are numbered in order', () => {
    spec
      .given([opened()])
      .when(proposeCommand(asCompany(T1)))
      .then([proposed(1, COMPANY, T1)]);
    spec
      .given([opened(), proposed(1, COMPANY, T1)])
      .when(proposeCommand(asDistributor(T2), outcome('The client moves to d-1', D1)))
      .then([proposed(2, D1, T2, outcome('The client moves to d-1', D1))]);
  });

  it('the decision is recorded trimmed; a sale dispute’s outcome says no owner', () => {
    spec
      .given([saleDispute()])
      .when(proposeCommand(asDistributor(T1), { decision: '  refund 5% \n' }))
      .then([proposed(1, D1, T1, { decision: 'refund 5%' })]);
  });

  it('numbers count every proposal, superseded ones included', () => {
    spec
      .given([opened(), proposed(1, COMPANY, T1), proposed(2, D1, T2)])
      .when(proposeCommand(asCompany(T3)))
      .then([proposed(3, COMPANY, T3)]);
  });

  it('is for the two parties only', () => {
    spec
      .given([opened()])
      .when(proposeCommand(asDistributor(T1, 'd-2')))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    spec
      .given([opened()])
      .when(proposeCommand(asCompliance(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    spec
      .given([opened()])
      .when(proposeCommand(asSystem(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
  });
});

describe('dispute: accepting a resolution', () => {
  const proposal = outcome('The client moves to d-1', D1);
  const given = [opened(), noteAdded(D1, T1), proposed(1, COMPANY, T2, proposal)];

  it('the other party accepts: the dispute is resolved by agreement with the proposal’s outcome', () => {
    spec
      .given(given)
      .when(acceptCommand(asDistributor(T3), 1))
      .then([resolvedByAgreement({ proposalNo: 1, proposedBy: COMPANY, agreedBy: D1, outcome: proposal }, T3)]);
  });

  it('the evidence verdict of an accepted proposal is the dispute’s outcome', () => {
    const upheld = { decision: 'The certificate stands', evidenceVerdict: 'upheld' as const };
    spec
      .given([evidenceDispute(), proposed(1, D1, T1, upheld)])
      .when(acceptCommand(asCompany(T2), 1))
      .then([resolvedByAgreement({ proposalNo: 1, proposedBy: D1, agreedBy: COMPANY, outcome: upheld, subject: EVIDENCE_SUBJECT }, T2)]);
  });

  it('the proposer of an earlier proposal accepts the other side’s counter-proposal', () => {
    spec
      .given([...given, proposed(2, D1, T3, outcome('Shared, d-1 keeps it', D1))])
      .when(acceptCommand(asCompany(T3), 2))
      .then([resolvedByAgreement({ proposalNo: 2, proposedBy: D1, agreedBy: COMPANY, outcome: outcome('Shared, d-1 keeps it', D1) }, T3)]);
  });

  it('the proposer may not accept its own proposal', () => {
    spec
      .given(given)
      .when(acceptCommand(asCompany(T3), 1))
      .thenThrows('DISPUTE.OWN_PROPOSAL');
    expect(refusalOf(given, acceptCommand(asCompany(T3), 1)).kind).toBe('conflict');
  });

  it('a proposal that does not exist cannot be accepted', () => {
    spec
      .given(given)
      .when(acceptCommand(asDistributor(T3), 2))
      .thenThrows('DISPUTE.PROPOSAL_NOT_FOUND');
    spec
      .given([opened()])
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.PROPOSAL_NOT_FOUND');
    expect(refusalOf(given, acceptCommand(asDistributor(T3), 2)).kind).toBe('not_found');
  });

  it('only the latest proposal can be accepted', () => {
    const later = [...given, proposed(2, COMPANY, T3)];
    spec
      .given(later)
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.PROPOSAL_SUPERSEDED');
    const refusal = refusalOf(later, acceptCommand(asDistributor(T3), 1));
    expect([refusal.kind, refusal.details]).toEqual(['conflict', { proposalNo: 1, latest: 2 }]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the proposal number %p', (proposalNo) => {
    expect(fieldErrors(given, acceptCommand(asDistributor(T3), proposalNo))).toEqual([
      { field: 'proposalNo', message: 'must be an integer of at least 1' },
    ]);
  });

  it('is for the two parties only', () => {
    spec
      .given(given)
      .when(acceptCommand(asDistributor(T3, 'd-2'), 1))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    spec
      .given(given)
      .when(acceptCommand(asCompliance(T3), 1))
      .thenThrows('DISPUTE.NOT_A_PARTY');
  });

  it('needs an opened dispute', () => {
    spec
      .given([])
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.NOT_FOUND');
  });

  it('a resolved or withdrawn dispute is closed, even to a proposal that was open', () => {
    const agreed = resolvedByAgreement({ proposalNo: 1, proposedBy: COMPANY, agreedBy: D1, outcome: proposal }, T3);
    spec
      .given([...given, agreed])
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.CLOSED');
    spec
      .given([...given, resolvedByCompliance(T3)])
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.CLOSED');
    spec
      .given([...given, withdrawn(T3)])
      .when(acceptCommand(asDistributor(T3), 1))
      .thenThrows('DISPUTE.CLOSED');
  });
});

describe('dispute: compliance decides', () => {
  it('compliance resolves the dispute, on record under its user', () => {
    spec
      .given([opened()])
      .when(decideCommand(asCompliance(T1), outcome('The client stays with the company', COMPANY)))
      .then([resolvedByCompliance(T1, outcome('The client stays with the company', COMPANY))]);
  });

  it('decides while a proposal is still open, and about a sale', () => {
    spec
      .given([saleDispute(), proposed(1, D1, T1, { decision: 'refund' })])
      .when(decideCommand(asCompliance(T2), { decision: 'no refund' }))
      .then([resolvedByCompliance(T2, { decision: 'no refund' }, { kind: 'sale', saleId: 's-9', clientId: 'cl-1' })]);
  });

  it('decides whether disputed evidence of an obligation stands', () => {
    const verdict = { decision: 'The certificate is for level 1 only', evidenceVerdict: 'rejected' as const };
    spec
      .given([evidenceDispute()])
      .when(decideCommand(asCompliance(T1), verdict))
      .then([resolvedByCompliance(T1, verdict, EVIDENCE_SUBJECT)]);
  });

  it('no side decides, nor the system', () => {
    for (const context of [asCompany(T1), asDistributor(T1), asDistributor(T1, 'd-2'), asSystem(T1)]) {
      spec.given([opened()]).when(decideCommand(context)).thenThrows('DISPUTE.COMPLIANCE_ONLY');
    }
    expect(refusalOf([opened()], decideCommand(asCompany(T1))).kind).toBe('forbidden');
  });
});

describe('dispute: withdrawing', () => {
  it('the side that opened it withdraws it, with a reason', () => {
    spec
      .given([opened(), proposed(1, COMPANY, T1)])
      .when(withdrawCommand(asDistributor(T2)))
      .then([withdrawn(T2)]);
  });

  it('a dispute the process opened is the claimant’s to withdraw', () => {
    const byProcess = opened({ origin: claimOrigin() });
    spec
      .given([byProcess])
      .when(withdrawCommand(asDistributor(T1)))
      .then([withdrawn(T1, D1)]);
    spec
      .given([byProcess])
      .when(withdrawCommand(asCompany(T1)))
      .thenThrows('DISPUTE.NOT_OPENER');
  });

  it('the other party may not withdraw it', () => {
    spec
      .given([opened()])
      .when(withdrawCommand(asCompany(T1)))
      .thenThrows('DISPUTE.NOT_OPENER');
    expect(refusalOf([opened()], withdrawCommand(asCompany(T1))).kind).toBe('forbidden');
  });

  it('is for the two parties only', () => {
    spec
      .given([opened()])
      .when(withdrawCommand(asDistributor(T1, 'd-2')))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    spec
      .given([opened()])
      .when(withdrawCommand(asCompliance(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
  });

  it('records the reason trimmed, up to 1000 characters', () => {
    spec
      .given([opened()])
      .when(withdrawCommand(asDistributor(T1), ' agreed by phone '))
      .then([withdrawn(T1, D1, 'agreed by phone')]);
    expect(fieldErrors([opened()], withdrawCommand(asDistributor(T1), ''))).toEqual([
      { field: 'reason', message: 'must be a non-empty string' },
    ]);
    expect(fieldErrors([opened()], withdrawCommand(asDistributor(T1), 'x'.repeat(1001)))).toEqual([
      { field: 'reason', message: 'must be at most 1000 characters' },
    ]);
  });

  it('needs an opened dispute that is still open', () => {
    spec
      .given([])
      .when(withdrawCommand(asDistributor(T1)))
      .thenThrows('DISPUTE.NOT_FOUND');
    spec
      .given([opened(), withdrawn(T1)])
      .when(withdrawCommand(asDistributor(T2)))
      .thenThrows('DISPUTE.CLOSED');
    spec
      .given([opened(), resolvedByCompliance(T1)])
      .when(withdrawCommand(asDistributor(T2)))
      .thenThrows('DISPUTE.CLOSED');
  });
});

describe('dispute: once closed, nothing more', () => {
  it('a second decision or a new proposal on a resolved dispute is refused', () => {
    const resolved = [opened(), resolvedByCompliance(T1)];
    spec
      .given(resolved)
      .when(decideCommand(asCompliance(T2)))
      .thenThrows('DISPUTE.CLOSED');
    spec
      .given(resolved)
      .when(proposeCommand(asCompany(T2)))
      .thenThrows('DISPUTE.CLOSED');
  });

  it('a withdrawn dispute takes no proposal and no decision', () => {
    const dropped = [opened(), withdrawn(T1)];
    spec
      .given(dropped)
      .when(proposeCommand(asCompany(T2)))
      .thenThrows('DISPUTE.CLOSED');
    spec
      .given(dropped)
      .when(decideCommand(asCompliance(T2)))
      .thenThrows('DISPUTE.CLOSED');
  });
});
