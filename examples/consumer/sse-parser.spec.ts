import { SseParser } from './sse-parser';

describe('SSE parser (example consumer)', () => {
  it('dispatches a message on a blank line, with its id, event and data', () => {
    const frames = new SseParser().push('id: 7\nevent: SaleRecorded\ndata: {"position":7}\n\n');
    expect(frames).toEqual([{ kind: 'message', id: '7', event: 'SaleRecorded', data: '{"position":7}' }]);
  });

  it('keeps a line split across chunks, CRLF and CR line ends included', () => {
    const parser = new SseParser();
    expect(parser.push('id: 1\r\nevent: Cli')).toEqual([]);
    expect(parser.push('entClaimed\r')).toEqual([]);
    expect(parser.push('\ndata: {"a":')).toEqual([]);
    expect(parser.push('1}\r\n\r\n')).toEqual([{ kind: 'message', id: '1', event: 'ClientClaimed', data: '{"a":1}' }]);
  });

  it('reports comments (heartbeats), id-only checkpoints, and joins data lines', () => {
    const frames = new SseParser().push(': heartbeat\n\nid: 42\n\nevent: disconnect\ndata: a\ndata: b\n\n');
    expect(frames).toEqual([
      { kind: 'comment', text: 'heartbeat' },
      { kind: 'id', id: '42' },
      { kind: 'message', id: undefined, event: 'disconnect', data: 'a\nb' },
    ]);
  });
});
