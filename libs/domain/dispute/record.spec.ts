import { deciderSpec } from '../testing/decider-spec';
import type { CommandContext } from '../shared/types';
import type { DisputeCommand } from './commands';
import { disputeDecider } from './dispute';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  COMPANY,
  D1,
  D2,
  evidenceAdded,
  evidenceCommand,
  noteAdded,
  noteCommand,
  opened,
  refusalOf,
  resolvedByCompliance,
  withdrawn,
} from './testing/fixtures';

const spec = deciderSpec(disputeDecider);
const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-04T10:00:00.000Z';

const fieldErrors = (command: DisputeCommand) => {
  const refusal = refusalOf([opened()], command);
  expect(refusal.code).toBe('DISPUTE.INVALID_COMMAND');
  expect(refusal.kind).toBe('invalid');
  return refusal.details.errors;
};

/** Who may act on, and when, is the same for a note and for evidence. */
describe.each<[string, (context: CommandContext) => DisputeCommand]>([
  ['a note', (context) => noteCommand(context)],
  ['evidence', (context) => evidenceCommand(context)],
])('dispute: adding %s', (_, command) => {
  it('is for the two parties only', () => {
    spec
      .given([opened()])
      .when(command(asDistributor(T1, 'd-2')))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    expect(refusalOf([opened()], command(asDistributor(T1, 'd-2'))).kind).toBe('forbidden');
  });

  it('is not for compliance or the system, which are no side', () => {
    spec
      .given([opened()])
      .when(command(asCompliance(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
    spec
      .given([opened()])
      .when(command(asSystem(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
  });

  it('needs an opened dispute', () => {
    spec
      .given([])
      .when(command(asDistributor(T1)))
      .thenThrows('DISPUTE.NOT_FOUND');
    expect(refusalOf([], command(asDistributor(T1))).kind).toBe('not_found');
  });

  it.each([
    ['resolved', resolvedByCompliance(T1)],
    ['withdrawn', withdrawn(T1)],
  ])('is refused once the dispute is %s', (status, end) => {
    spec
      .given([opened(), end])
      .when(command(asCompany(T2)))
      .thenThrows('DISPUTE.CLOSED');
    const refusal = refusalOf([opened(), end], command(asCompany(T2)));
    expect(refusal.kind).toBe('conflict');
    expect(refusal.details).toEqual({ status });
  });
});

describe('dispute: notes', () => {
  it('either party adds a note, signed with its side', () => {
    spec
      .given([opened()])
      .when(noteCommand(asDistributor(T1)))
      .then([noteAdded(D1, T1)]);
    spec
      .given([opened(), noteAdded(D1, T1)])
      .when(noteCommand(asCompany(T2), 'We met the client in 2023', 'n-2'))
      .then([noteAdded(COMPANY, T2, 'We met the client in 2023', 'n-2')]);
  });

  it('the parties of a dispute between two distributors are those distributors', () => {
    const between = opened({ parties: [D1, D2] });
    spec
      .given([between])
      .when(noteCommand(asDistributor(T1, 'd-2')))
      .then([noteAdded(D2, T1)]);
    spec
      .given([between])
      .when(noteCommand(asCompany(T1)))
      .thenThrows('DISPUTE.NOT_A_PARTY');
  });

  it('records the text trimmed, up to 5000 characters', () => {
    spec
      .given([opened()])
      .when(noteCommand(asDistributor(T1), '  see the invoices \n'))
      .then([noteAdded(D1, T1, 'see the invoices')]);
    spec
      .given([opened()])
      .when(noteCommand(asDistributor(T1), 'x'.repeat(5000)))
      .then([noteAdded(D1, T1, 'x'.repeat(5000))]);
  });

  it.each<[string, string, string, { field: string; message: string }[]]>([
    ['a blank text', '   ', 'n-1', [{ field: 'text', message: 'must be a non-empty string' }]],
    ['a text too long', 'x'.repeat(5001), 'n-1', [{ field: 'text', message: 'must be at most 5000 characters' }]],
    ['an empty note id', 'ok', '', [{ field: 'noteId', message: 'must be a non-empty string' }]],
    ['a note id too long', 'ok', 'n'.repeat(101), [{ field: 'noteId', message: 'must be at most 100 characters' }]],
  ])('refuses %s', (_, text, noteId, errors) => {
    expect(fieldErrors(noteCommand(asDistributor(T1), text, noteId))).toEqual(errors);
  });

  it('a redelivered note (same id, side and text) records nothing', () => {
    spec
      .given([opened(), noteAdded(D1, T1)])
      .when(noteCommand(asDistributor(T2)))
      .then([]);
  });

  it('a note id already used for another text or by the other side is refused', () => {
    spec
      .given([opened(), noteAdded(D1, T1)])
      .when(noteCommand(asDistributor(T2), 'something else'))
      .thenThrows('DISPUTE.DUPLICATE_ID');
    spec
      .given([opened(), noteAdded(D1, T1)])
      .when(noteCommand(asCompany(T2)))
      .thenThrows('DISPUTE.DUPLICATE_ID');
  });
});

describe('dispute: evidence', () => {
  it('either party adds a reference to a document, with a description', () => {
    spec
      .given([opened()])
      .when(evidenceCommand(asCompany(T1)))
      .then([evidenceAdded(COMPANY, T1)]);
  });

  it('the description may be empty, and reference and description are recorded trimmed', () => {
    const e = { reference: ' https://dms.example/doc/7 ', description: '  ' };
    spec
      .given([opened()])
      .when(evidenceCommand(asDistributor(T1), e))
      .then([evidenceAdded(D1, T1, { reference: 'https://dms.example/doc/7', description: '' })]);
  });

  it('accepts a reference of 500 and a description of 2000 characters', () => {
    const e = { reference: 'r'.repeat(500), description: 'd'.repeat(2000) };
    spec
      .given([opened()])
      .when(evidenceCommand(asDistributor(T1), e))
      .then([evidenceAdded(D1, T1, e)]);
  });

  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    ['a blank reference', { reference: ' ' }, [{ field: 'reference', message: 'must be a non-empty string' }]],
    ['a reference too long', { reference: 'r'.repeat(501) }, [{ field: 'reference', message: 'must be at most 500 characters' }]],
    ['a description too long', { description: 'd'.repeat(2001) }, [{ field: 'description', message: 'must be at most 2000 characters' }]],
    ['a description that is not text', { description: 7 }, [{ field: 'description', message: 'must be a string' }]],
    ['an empty evidence id', { evidenceId: '' }, [{ field: 'evidenceId', message: 'must be a non-empty string' }]],
  ])('refuses %s', (_, e, errors) => {
    expect(fieldErrors(evidenceCommand(asDistributor(T1), e as never))).toEqual(errors);
  });

  it('a missing description is recorded as empty', () => {
    const command = evidenceCommand(asDistributor(T1));
    const withoutDescription = { ...command, data: { ...command.data, description: undefined as unknown as string } };
    spec
      .given([opened()])
      .when(withoutDescription)
      .then([evidenceAdded(D1, T1, { description: '' })]);
  });

  it('redelivered evidence records nothing; an evidence id reused for another document is refused', () => {
    spec
      .given([opened(), evidenceAdded(D1, T1)])
      .when(evidenceCommand(asDistributor(T2)))
      .then([]);
    spec
      .given([opened(), evidenceAdded(D1, T1)])
      .when(evidenceCommand(asDistributor(T2), { reference: 'dms://other' }))
      .thenThrows('DISPUTE.DUPLICATE_ID');
  });
});
