import { diffTerms, flatten } from '../src/lib/terms-diff';

describe('terms diff (policy view)', () => {
  it('flattens objects by key and arrays by index', () => {
    expect(flatten({ a: { b: 1 }, c: [{ d: 'x' }, 2], e: [] })).toEqual([
      ['a.b', '1'],
      ['c[0].d', '"x"'],
      ['c[1]', '2'],
      ['e', '[]'],
    ]);
  });

  it('marks each path the same, changed, added or removed, in the order of the first version', () => {
    const left = { plan: [{ amount: 10 }, { amount: 10 }], handOverDays: 14, old: true };
    const right = { plan: [{ amount: 10 }, { amount: 15 }], handOverDays: 14, tiers: [{ rateBp: 400 }] };
    expect(diffTerms(left, right)).toEqual([
      { path: 'plan[0].amount', left: '10', right: '10', change: 'same' },
      { path: 'plan[1].amount', left: '10', right: '15', change: 'changed' },
      { path: 'handOverDays', left: '14', right: '14', change: 'same' },
      { path: 'old', left: 'true', change: 'removed' },
      { path: 'tiers[0].rateBp', right: '400', change: 'added' },
    ]);
  });
});
