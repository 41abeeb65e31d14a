/** SaleRefused v2 added `total`: a stored v1 refusal reads exactly as the decider records one now. */
import { allEventSchemas } from '../schemas';
import { upcast } from '../shared/schemas';
import { fold } from '../shared/types';
import type { SaleRefused } from './events';
import { saleDecider } from './sale';
import { asDistributor, line, NOW, pln, recordSale } from './testing/fixtures';

/** The refusal the decider records today for `lines`, and the same fact as a v1 event stored it. */
function refusalBothWays(lines: ReturnType<typeof line>[]): { current: SaleRefused; storedV1: Record<string, unknown> } {
  const [current] = saleDecider.decide(recordSale(asDistributor(NOW), { lines }), fold(saleDecider, [])) as SaleRefused[];
  const { total: _added, ...storedV1 } = current.data;
  return { current, storedV1 };
}

describe('SaleRefused v1 → v2', () => {
  it('is version 2 now, with an upcaster from version 1', () => {
    expect(allEventSchemas.SaleRefused.version).toBe(2);
    expect(allEventSchemas.SaleRefused.upcasters?.[1]).toEqual(expect.any(Function));
  });

  it('reads a stored v1 refusal as the v2 the decider records for the same lines', () => {
    const { current, storedV1 } = refusalBothWays([line('PUMP-100', 3, pln(99_999)), line('VALVE-20', 7, pln(8_000))]);
    expect(current.data.total).toEqual(pln(3 * 99_999 + 7 * 8_000));
    expect(upcast(allEventSchemas, { type: 'SaleRefused', schemaVersion: 1, data: storedV1 })).toEqual(current);
  });

  it('leaves a v2 refusal as it is', () => {
    const { current } = refusalBothWays([line('PUMP-100', 1, pln(1))]);
    expect(upcast(allEventSchemas, { type: 'SaleRefused', schemaVersion: 2, data: current.data })).toEqual(current);
  });
});
