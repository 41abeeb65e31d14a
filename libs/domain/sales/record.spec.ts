import { deciderSpec } from '../testing/decider-spec';
import { saleDecider } from './sale';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  COMPANY,
  D1,
  D2,
  eur,
  fieldsOf,
  line,
  NOW,
  pln,
  PUMP_FLOOR,
  recordedLine,
  recordSale,
  refusalOf,
  saleClient,
  saleContext,
  salePolicy,
  saleRecorded,
  saleRefused,
  VALVE_FLOOR,
  violation,
} from './testing/fixtures';

const spec = deciderSpec(saleDecider);

describe('sales: recording a sale', () => {
  describe('who records', () => {
    it('a distributor records its own sale under its policy in force, counted in the plan month of the date', () => {
      spec
        .given([])
        .when(recordSale(asDistributor(NOW)))
        .then([saleRecorded()]);
    });

    it('a quarterly plan counts the sale in its quarter', () => {
      const quarterly = saleContext({ policies: [salePolicy('d-1', { granularity: 'quarter' })] });
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), {}, quarterly))
        .then([saleRecorded({ period: '2026-Q1' })]);
    });

    it('compliance and the system do not sell', () => {
      for (const ctx of [asCompliance(NOW), asSystem(NOW)]) {
        const refusal = refusalOf(saleDecider, [], recordSale(ctx));
        expect(refusal.code).toBe('SALE.FORBIDDEN_PARTY');
        expect(refusal.kind).toBe('forbidden');
      }
    });

    it('a distributor token without a distributor id is no side either', () => {
      const ctx = { now: new Date(NOW), actor: { party: 'distributor' as const, userId: 'x' } };
      spec.given([]).when(recordSale(ctx)).thenThrows('SALE.FORBIDDEN_PARTY');
    });

    it('a sale id is used once: after a recording or a refusal alike', () => {
      const afterRecording = refusalOf(saleDecider, [saleRecorded()], recordSale(asDistributor(NOW)));
      expect([afterRecording.code, afterRecording.kind, afterRecording.details.status]).toEqual([
        'SALE.ALREADY_RECORDED',
        'conflict',
        'recorded',
      ]);
      const cheap = line('PUMP-100', 1, pln(1));
      const afterRefusal = refusalOf(
        saleDecider,
        [saleRefused([cheap], [violation(0, cheap, PUMP_FLOOR)])],
        recordSale(asDistributor(NOW)),
      );
      expect([afterRefusal.code, afterRefusal.details.status]).toEqual(['SALE.ALREADY_RECORDED', 'refused']);
    });
  });

  describe('input is validated field by field, and invalid input records nothing', () => {
    it('names every bad field at once', () => {
      const refusal = refusalOf(
        saleDecider,
        [],
        recordSale(asDistributor(NOW), {
          saleId: ' ',
          clientId: '',
          date: '2026-02-30',
          currency: 'pln',
          lines: [line('PUMP-100', 1, pln(125_000))],
        }),
      );
      expect(refusal.code).toBe('SALE.INVALID_COMMAND');
      expect(refusal.kind).toBe('invalid');
      expect(fieldsOf(refusal)).toEqual(['saleId', 'clientId', 'date', 'currency']);
    });

    it('the date may not be after the day of recording (UTC)', () => {
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { date: '2026-03-13' }));
      expect(refusal.details.errors).toEqual([{ field: 'date', message: 'must be a date (YYYY-MM-DD) not after 2026-03-12' }]);
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { date: '2026-03-12' }))
        .then([saleRecorded({ date: '2026-03-12' })]);
    });

    it('each line: a SKU of at most 64 characters, a positive whole quantity, a non-negative price in the sale currency', () => {
      const lines = [
        line('PUMP-100', 1, pln(125_000)),
        line('', 1, pln(125_000)),
        line('X'.repeat(65), 1, pln(125_000)),
        line(' PUMP-100', 1, pln(125_000)),
        line('VALVE-20', 0, pln(10_000)),
        line('VALVE-20', 1.5, pln(10_000)),
        line('VALVE-20', 1, pln(-1)),
        line('VALVE-20', 1, pln(100.5)),
        line('VALVE-20', 1, eur(10_000)),
        line('VALVE-20', 1, { minor: 10_000, currency: 'euro' }),
        null as never,
      ];
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { lines }));
      expect(refusal.details.errors).toEqual([
        { field: 'lines[1].sku', message: 'must be a non-empty string' },
        { field: 'lines[2].sku', message: 'must be at most 64 characters' },
        { field: 'lines[3].sku', message: 'must not start or end with spaces' },
        { field: 'lines[4].quantity', message: 'must be an integer at least 1' },
        { field: 'lines[5].quantity', message: 'must be an integer at least 1' },
        { field: 'lines[6].unitPrice.minor', message: 'must be an integer at least 0' },
        { field: 'lines[7].unitPrice.minor', message: 'must be an integer at least 0' },
        { field: 'lines[8].unitPrice.currency', message: 'must be the sale currency PLN' },
        { field: 'lines[9].unitPrice.currency', message: 'must be an ISO 4217 currency code (three upper-case letters)' },
        { field: 'lines[10]', message: 'must be an object' },
      ]);
    });

    it('between 1 and 500 lines', () => {
      const none = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { lines: [] }));
      expect(none.details.errors).toEqual([{ field: 'lines', message: 'must have at least one line' }]);
      const tooMany = refusalOf(
        saleDecider,
        [],
        recordSale(asDistributor(NOW), { lines: Array(501).fill(line('VALVE-20', 1, pln(9_000))) }),
      );
      expect(tooMany.details.errors).toEqual([{ field: 'lines', message: 'must have at most 500 items' }]);
      const missing = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { lines: undefined as never }));
      expect(missing.details.errors).toEqual([{ field: 'lines', message: 'is required' }]);
      const [event] = saleDecider.decide(recordSale(asDistributor(NOW), { lines: Array(500).fill(line('VALVE-20', 1, pln(9_000))) }), {
        status: 'none',
      });
      expect(event.type).toBe('SaleRecorded');
    });

    it('a line with a price but no SKU floor is recorded without a floor', () => {
      const lines = [line('MANUAL-1', 3, pln(0))];
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), { lines }))
        .then([saleRecorded({ lines: [recordedLine(lines[0])], total: pln(0) })]);
    });

    it('only the fields of the contract reach the event', () => {
      const lines = [{ ...line('VALVE-20', 1, { minor: 9_000, currency: 'PLN', rate: 1.2 } as never), note: 'x' } as never];
      const [event] = saleDecider.decide(recordSale(asDistributor(NOW), { lines }), { status: 'none' });
      expect(event.type === 'SaleRecorded' && event.data.lines).toEqual([
        { sku: 'VALVE-20', quantity: 1, unitPrice: pln(9_000), lineTotal: pln(9_000), floor: VALVE_FLOOR },
      ]);
    });
  });

  describe('the client and the governing policy', () => {
    it('an unknown client is invalid input naming clientId', () => {
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), {}, saleContext({ client: null })));
      expect(refusal.code).toBe('SALE.UNKNOWN_CLIENT');
      expect(refusal.kind).toBe('invalid');
      expect(fieldsOf(refusal)).toEqual(['clientId']);
    });

    it('a context read for another client is a defect of the handler, not a refusal', () => {
      const wrong = recordSale(asDistributor(NOW), {}, saleContext({ client: saleClient({ clientId: 'c-2' }) }));
      expect(() => saleDecider.decide(wrong, { status: 'none' })).toThrow('Sale context is for client c-2, not c-1');
    });

    it('a distributor with no policy in force may not sell', () => {
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), {}, saleContext({ policies: [] })));
      expect(refusal.code).toBe('SALE.NO_POLICY_IN_FORCE');
      expect(refusal.kind).toBe('conflict');
    });

    it("another distributor's policy passed along does not govern a distributor's sale", () => {
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), {}, saleContext({ policies: [salePolicy('d-2')] })));
      expect(refusal.code).toBe('SALE.NO_POLICY_IN_FORCE');
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), {}, saleContext({ policies: [salePolicy('d-2'), salePolicy('d-1')] })))
        .then([saleRecorded()]);
    });

    it("a sale in another currency than the policy's is refused with expected and actual", () => {
      const lines = [line('PUMP-100', 1, eur(40_000))];
      const refusal = refusalOf(saleDecider, [], recordSale(asDistributor(NOW), { currency: 'EUR', lines }));
      expect(refusal.code).toBe('SALE.CURRENCY_MISMATCH');
      expect(refusal.kind).toBe('invalid');
      expect(refusal.details).toMatchObject({ expected: 'PLN', actual: 'EUR', policyId: 'd-1-2026' });
      expect(fieldsOf(refusal)).toEqual(['currency']);
    });
  });

  describe('channel conflict: selling to a client the seller does not own on the date', () => {
    it('is recorded with the owner of the date', () => {
      spec
        .given([])
        .when(recordSale(asDistributor(NOW, 'd-2'), {}, saleContext({ policies: [salePolicy('d-2')] })))
        .then([saleRecorded({ seller: D2, policyId: 'd-2-2026', channelConflict: { owner: D1 } })]);
    });

    it('a client nobody owns is a conflict with owner null', () => {
      spec
        .given([])
        .when(recordSale(asDistributor(NOW), {}, saleContext({ client: saleClient({ owner: null }) })))
        .then([saleRecorded({ channelConflict: { owner: null } })]);
    });

    it('the company selling to its own client is no conflict; to a distributor’s client it is', () => {
      const own = saleContext({ client: saleClient({ owner: COMPANY }) });
      const [sale] = saleDecider.decide(recordSale(asCompany(NOW), {}, own), { status: 'none' });
      expect(sale.type === 'SaleRecorded' && sale.data.channelConflict).toBeNull();
      const [conflicting] = saleDecider.decide(recordSale(asCompany(NOW)), { status: 'none' });
      expect(conflicting.type === 'SaleRecorded' && conflicting.data.channelConflict).toEqual({ owner: D1 });
    });
  });

  describe('company sales', () => {
    const companyClient = saleClient({ owner: COMPANY });

    it('no distributor policy covers the client: any currency, no floors, no plan period', () => {
      const lines = [line('PUMP-100', 1, eur(1))];
      spec
        .given([])
        .when(recordSale(asCompany(NOW), { currency: 'EUR', lines }, saleContext({ client: companyClient, policies: [] })))
        .then([
          saleRecorded({
            seller: COMPANY,
            currency: 'EUR',
            lines: [recordedLine(lines[0])],
            total: eur(1),
            policyId: null,
            period: null,
          }),
        ]);
    });

    it('under several covering policies the highest floor of each SKU applies, and the sale counts under the first by policyId', () => {
      const d2 = salePolicy('d-2', { priceFloors: [{ sku: 'PUMP-100', minUnitPrice: pln(130_000) }], granularity: 'quarter' });
      const context = saleContext({ client: companyClient, policies: [d2, salePolicy('d-1')] });
      const lines = [line('PUMP-100', 1, pln(130_000)), line('VALVE-20', 1, pln(9_000))];
      spec
        .given([])
        .when(recordSale(asCompany(NOW), { lines }, context))
        .then([
          saleRecorded({
            seller: COMPANY,
            lines: [recordedLine(lines[0], { floor: pln(130_000) }), recordedLine(lines[1], { floor: VALVE_FLOOR })],
            total: pln(139_000),
            policyId: 'd-1-2026',
            period: '2026-03',
          }),
        ]);
    });

    it('a price between the floors is below the highest, naming the policy that set it', () => {
      const d2 = salePolicy('d-2', { priceFloors: [{ sku: 'PUMP-100', minUnitPrice: pln(130_000) }] });
      const context = saleContext({ client: companyClient, policies: [salePolicy('d-1'), d2] });
      const [refusal] = saleDecider.decide(recordSale(asCompany(NOW), { lines: [line('PUMP-100', 1, pln(127_000))] }, context), {
        status: 'none',
      });
      expect(refusal.type === 'SaleRefused' && refusal.data.violations).toEqual([
        { lineIndex: 0, sku: 'PUMP-100', unitPrice: pln(127_000), floor: pln(130_000), policyId: 'd-2-2026' },
      ]);
    });

    it('the currency must be that of every covering policy', () => {
      const d2 = salePolicy('d-2', { currency: 'EUR', priceFloors: [] });
      const refusal = refusalOf(saleDecider, [], recordSale(asCompany(NOW), {}, saleContext({ policies: [salePolicy('d-1'), d2] })));
      expect(refusal.code).toBe('SALE.CURRENCY_MISMATCH');
      expect(refusal.details).toMatchObject({ expected: 'EUR', actual: 'PLN', policyId: 'd-2-2026' });
    });

    describe('the discretion band of the client’s segment', () => {
      const keyAccount = saleContext({ client: saleClient({ owner: COMPANY, segment: 'key-account' }) });

      it('a price more than 15% above the floor is recorded and flagged, not refused', () => {
        const lines = [line('PUMP-100', 1, pln(143_751)), line('VALVE-20', 1, pln(8_990))];
        spec
          .given([])
          .when(recordSale(asCompany(NOW), { lines }, keyAccount))
          .then([
            saleRecorded({
              seller: COMPANY,
              segment: 'key-account',
              lines: [
                recordedLine(lines[0], { floor: PUMP_FLOOR, aboveDiscretionBand: { maxAboveFloorBp: 1_500, segment: 'key-account' } }),
                recordedLine(lines[1], { floor: VALVE_FLOOR }),
              ],
              total: pln(152_741),
            }),
          ]);
      });

      it('exactly at floor × 1.15 is within the band', () => {
        const [sale] = saleDecider.decide(recordSale(asCompany(NOW), { lines: [line('PUMP-100', 1, pln(143_750))] }, keyAccount), {
          status: 'none',
        });
        expect(sale.type === 'SaleRecorded' && sale.data.lines[0].aboveDiscretionBand).toBeUndefined();
      });

      it('a segment without a band, and a distributor’s sale, are never flagged', () => {
        const high = { lines: [line('PUMP-100', 1, pln(500_000))] };
        const [industrial] = saleDecider.decide(recordSale(asCompany(NOW), high), { status: 'none' });
        expect(industrial.type === 'SaleRecorded' && industrial.data.lines[0].aboveDiscretionBand).toBeUndefined();
        const [distributorSale] = saleDecider.decide(recordSale(asDistributor(NOW), high, keyAccount), { status: 'none' });
        expect(distributorSale.type === 'SaleRecorded' && distributorSale.data.lines[0].aboveDiscretionBand).toBeUndefined();
      });
    });
  });
});
