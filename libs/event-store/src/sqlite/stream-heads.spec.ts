import { StreamHeads } from './stream-heads';

describe('StreamHeads', () => {
  let version = 1;
  const heads = (max?: number) => new StreamHeads(() => version, max);
  beforeEach(() => (version = 1));

  it('knows nothing of a stream it has not seen', () => {
    const h = heads();
    expect(h.nothingFrom('s', 0)).toBe(false);
  });

  it('answers for revisions past what a read to the end returned, and not for the rest', () => {
    const h = heads();
    h.readToEnd('s', 0, 4);
    expect(h.nothingFrom('s', 5)).toBe(true);
    expect(h.nothingFrom('s', 4)).toBe(false);
    h.readToEnd('empty', 0, undefined);
    expect(h.nothingFrom('empty', 0)).toBe(true);
    h.readToEnd('t', 3, undefined); // a read from 3 found nothing: the stream ends before 3
    expect([h.nothingFrom('t', 2), h.nothingFrom('t', 3)]).toEqual([false, true]);
  });

  it("moves a stream's bound with this connection's appends", () => {
    const h = heads();
    h.readToEnd('s', 0, undefined);
    h.appended('s', 1);
    expect([h.nothingFrom('s', 1), h.nothingFrom('s', 2)]).toEqual([false, true]);
  });

  it('forgets every bound once another connection committed', () => {
    const h = heads();
    h.readToEnd('s', 0, 4);
    version = 2;
    expect(h.nothingFrom('s', 5)).toBe(false);
  });

  it('keeps at most its limit of streams, dropping the one seen longest ago', () => {
    const h = heads(2);
    h.readToEnd('a', 0, 0);
    h.readToEnd('b', 0, 0);
    h.readToEnd('a', 1, undefined); // a seen again: b is now the oldest
    h.readToEnd('c', 0, 0);
    expect(['a', 'b', 'c'].map((s) => h.nothingFrom(s, 1))).toEqual([true, false, true]);
  });
});
