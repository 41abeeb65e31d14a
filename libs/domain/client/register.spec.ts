import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientCommand } from './commands';
import { asCompany, asDistributor, COMPANY, D1, D2, pln, refusalOf, registered, registration, type Registration } from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const NOW = '2026-02-01T09:00:00.000Z';
const register = (data: Partial<Registration> = {}, ctx = asDistributor(NOW)): ClientCommand => ({
  type: 'RegisterClient',
  data: registration(data),
  context: ctx,
});
const fieldErrors = (command: ClientCommand) => {
  const refusal = refusalOf(clientDecider, [], command);
  expect(refusal.code).toBe('CLIENT.INVALID_COMMAND');
  expect(refusal.kind).toBe('invalid');
  return refusal.details.errors;
};

describe('client: registration', () => {
  it('a distributor registers a client, recorded as registered by its side', () => {
    spec
      .given([])
      .when(register())
      .then([registered(D1, {}, NOW)]);
  });

  it('the company registers a client too', () => {
    spec
      .given([])
      .when(register({}, asCompany(NOW)))
      .then([registered(COMPANY, {}, NOW)]);
  });

  it('stores the tax id normalised and the name and segment trimmed', () => {
    spec
      .given([])
      .when(register({ taxId: 'pl 123-456-32-18', legalName: '  Hydro-Tech Sp. z o.o. ', segment: ' industrial ' }))
      .then([registered(D1, {}, NOW)]);
  });

  it('keeps the side’s own relationship', () => {
    const relationships = [{ side: D1, since: '2024-05-01' }];
    spec
      .given([])
      .when(register({ relationships }))
      .then([registered(D1, { relationships }, NOW)]);
  });

  it('records the relationship’s side as a side, dropping anything else sent with it', () => {
    const sent = [{ side: { party: 'company', note: 'x' } as never, since: '2020-01-01' }];
    spec
      .given([])
      .when(register({ relationships: sent }, asCompany(NOW)))
      .then([registered(COMPANY, { relationships: [{ side: COMPANY, since: '2020-01-01' }] }, NOW)]);
  });

  it('a relationship may start on the day of registration, not later', () => {
    spec
      .given([])
      .when(register({ relationships: [{ side: D1, since: '2026-02-01' }] }))
      .then([registered(D1, { relationships: [{ side: D1, since: '2026-02-01' }] }, NOW)]);
    expect(fieldErrors(register({ relationships: [{ side: D1, since: '2026-02-02' }] }))).toEqual([
      { field: 'relationships[0].since', message: 'must be a date (YYYY-MM-DD) not after 2026-02-01' },
    ]);
  });

  it('refuses a second registration of the same client', () => {
    spec.given([registered()]).when(register()).thenThrows('CLIENT.ALREADY_REGISTERED');
    expect(refusalOf(clientDecider, [registered()], register()).kind).toBe('conflict');
  });

  it('names every invalid field at once', () => {
    const errors = fieldErrors(
      register({
        legalName: '  ',
        taxId: 'PL-123_456',
        territory: 'Poland',
        segment: '',
        annualVolume: { minor: -1, currency: 'pln' },
      }),
    );
    expect(errors).toEqual([
      { field: 'legalName', message: 'must be a non-empty string' },
      { field: 'taxId', message: expect.stringContaining('letters and digits') },
      { field: 'territory', message: expect.stringContaining('ISO 3166') },
      { field: 'segment', message: 'must be a non-empty string' },
      { field: 'annualVolume.minor', message: 'must be an integer at least 0' },
      { field: 'annualVolume.currency', message: expect.stringContaining('ISO 4217') },
    ]);
  });

  it.each<[string, Partial<Registration>, string]>([
    ['a legal name over 200 characters', { legalName: 'x'.repeat(201) }, 'legalName'],
    ['a tax id over 32 characters', { taxId: '1'.repeat(33) }, 'taxId'],
    ['an empty tax id', { taxId: ' - ' }, 'taxId'],
    ['a territory in lower case', { territory: 'pl-mz' }, 'territory'],
    ['a territory with a long subdivision', { territory: 'PL-MAZO' }, 'territory'],
    ['a segment over 64 characters', { segment: 's'.repeat(65) }, 'segment'],
    ['a fractional volume', { annualVolume: pln(0.5) }, 'annualVolume.minor'],
    ['a volume beyond safe integers', { annualVolume: pln(2 ** 53) }, 'annualVolume.minor'],
    ['a missing volume', { annualVolume: undefined as never }, 'annualVolume'],
    ['relationships that are not a list', { relationships: 'D1' as never }, 'relationships'],
    ['a relationship that is not an object', { relationships: ['D1' as never] }, 'relationships[0]'],
    ['a relationship since no real date', { relationships: [{ side: D1, since: '2025-02-30' }] }, 'relationships[0].since'],
    ['a relationship since an instant', { relationships: [{ side: D1, since: '2025-02-01T00:00:00Z' }] }, 'relationships[0].since'],
    [
      'a relationship of an unnamed distributor',
      { relationships: [{ side: { party: 'distributor' } as never, since: '2025-01-01' }] },
      'relationships[0].side.distributorId',
    ],
    [
      'a relationship of compliance',
      { relationships: [{ side: { party: 'compliance' } as never, since: '2025-01-01' }] },
      'relationships[0].side',
    ],
  ])('refuses %s', (_, data, field) => {
    expect(fieldErrors(register(data))).toEqual([{ field, message: expect.any(String) }]);
  });

  it('accepts the limits: 200-character name, 64-character segment, a zero volume, a subdivision', () => {
    const data = { legalName: 'x'.repeat(200), segment: 's'.repeat(64), annualVolume: pln(0), territory: 'PL-14' };
    spec
      .given([])
      .when(register(data))
      .then([registered(D1, data, NOW)]);
  });

  describe('each side declares only its own relationship', () => {
    it('a distributor may not declare the company’s', () => {
      expect(fieldErrors(register({ relationships: [{ side: COMPANY, since: '2020-01-01' }] }))).toEqual([
        { field: 'relationships[0].side', message: expect.stringContaining('your own side (distributor:d-1)') },
      ]);
    });

    it('nor another distributor’s', () => {
      expect(fieldErrors(register({ relationships: [{ side: D2, since: '2020-01-01' }] }))).toEqual([
        { field: 'relationships[0].side', message: expect.stringContaining('your own side') },
      ]);
    });

    it('the company may not declare a distributor’s', () => {
      expect(fieldErrors(register({ relationships: [{ side: D1, since: '2020-01-01' }] }, asCompany(NOW)))).toEqual([
        { field: 'relationships[0].side', message: expect.stringContaining('your own side (company)') },
      ]);
    });

    it('and declares it once', () => {
      const twice = [
        { side: D1, since: '2020-01-01' },
        { side: D1, since: '2021-01-01' },
      ];
      expect(fieldErrors(register({ relationships: twice }))).toEqual([
        { field: 'relationships[1].side', message: 'duplicates "distributor:d-1"' },
      ]);
    });
  });
});
