import { SseParser } from '../src/lib/sse';

describe('SSE parser (the console reads GET /events with fetch)', () => {
  it('dispatches a message per blank line, with its id, event and data', () => {
    const parser = new SseParser();
    expect(parser.push('id: 7\nevent: DisputeOpened\ndata: {"position":7}\n\n')).toEqual([
      { id: '7', event: 'DisputeOpened', data: '{"position":7}' },
    ]);
  });

  it('joins a message split across chunks, also inside a CRLF', () => {
    const parser = new SseParser();
    expect(parser.push('id: 8\r')).toEqual([]);
    expect(parser.push('\nevent: SaleRecorded\r\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\r\n\r\n')).toEqual([{ id: '8', event: 'SaleRecorded', data: '{"a":1}' }]);
  });

  it('skips heartbeat comments, and still reports an id-only message so the caller moves its Last-Event-ID', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\nid: 12\n\n')).toEqual([{ id: '12' }]);
  });

  it('joins several data lines with a line feed', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ data: 'a\nb' }]);
  });
});
