import { COMPANY, type Side } from '@cl/domain/shared/sides';
import { ApiProblem } from '../../shared/problem/problem';
import { counterpartyFor, type CounterpartyQuestion } from './counterparty';

const acme: Side = { party: 'distributor', distributorId: 'acme' };
const beta: Side = { party: 'distributor', distributorId: 'beta' };
const client = { kind: 'client', clientId: 'c-1' } as const;
const sale = { kind: 'sale', saleId: 's-1', clientId: 'c-1' } as const;
const price = { kind: 'price', sku: 'PUMP-100' } as const;

function refusal(q: CounterpartyQuestion): { status: number; code: string; fields: string[] } {
  try {
    counterpartyFor(q);
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    const errors = e.extensions.errors as Array<{ field: string }>;
    return { status: e.status, code: e.code, fields: errors.map((x) => x.field) };
  }
  throw new Error('not refused');
}

describe('counterpartyFor', () => {
  it.each<[string, CounterpartyQuestion, Side]>([
    [
      "the client's owner, when a distributor disputes the company's client",
      { opener: acme, subject: client, clientOwner: COMPANY },
      COMPANY,
    ],
    ["the client's owner, when the company disputes a distributor's client", { opener: COMPANY, subject: client, clientOwner: acme }, acme],
    [
      "the client's owner, when a distributor disputes another distributor's client",
      { opener: acme, subject: client, clientOwner: beta },
      beta,
    ],
    ['the company, when a distributor disputes a client nobody owns', { opener: acme, subject: client, clientOwner: null }, COMPANY],
    ['the company, when a distributor disputes a client it owns itself', { opener: acme, subject: client, clientOwner: acme }, COMPANY],
    ['the company, for a distributor’s sale dispute', { opener: acme, subject: sale }, COMPANY],
    ['the company, for a distributor’s price dispute', { opener: acme, subject: price }, COMPANY],
    ['whoever the opener names, over the owner', { opener: acme, subject: client, clientOwner: COMPANY, given: beta }, beta],
    ['whoever the company names for a price dispute', { opener: COMPANY, subject: price, given: acme }, acme],
  ])('is %s', (_what, question, expected) => {
    expect(counterpartyFor(question)).toEqual(expected);
  });

  it.each<[string, CounterpartyQuestion]>([
    ['the company opens about a client it owns', { opener: COMPANY, subject: client, clientOwner: COMPANY }],
    ['the company opens about a client nobody owns', { opener: COMPANY, subject: client, clientOwner: null }],
    ['the company opens about a sale', { opener: COMPANY, subject: sale }],
    ['the company opens about a price', { opener: COMPANY, subject: price }],
  ])('must be named when %s (422 naming counterparty)', (_what, question) => {
    expect(refusal(question)).toEqual({ status: 422, code: 'DISPUTE.COUNTERPARTY_REQUIRED', fields: ['counterparty'] });
  });

  it('may not be the opener itself', () => {
    expect(refusal({ opener: acme, subject: price, given: acme })).toEqual({
      status: 422,
      code: 'DISPUTE.INVALID_COUNTERPARTY',
      fields: ['counterparty'],
    });
    expect(refusal({ opener: COMPANY, subject: price, given: COMPANY }).code).toBe('DISPUTE.INVALID_COUNTERPARTY');
  });
});
