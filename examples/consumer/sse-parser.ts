/**
 * Server-sent events, parsed as an EventSource does (HTML Living Standard): `field: value` lines, a
 * blank line dispatches, `:` starts a comment, CR/LF/CRLF all end a line. A message with an `id` but
 * no data dispatches nothing, yet moves the last event id: the feed sends those when it stepped over
 * events this reader may not see.
 */
export type SseFrame =
  { kind: 'message'; id?: string; event: string; data: string } | { kind: 'id'; id: string } | { kind: 'comment'; text: string };

export class SseParser {
  private buffer = '';
  private id?: string;
  private event = '';
  private data: string[] = [];

  /** Feeds a chunk; returns the frames it completed. A line split across chunks waits for its end. */
  push(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const frames: SseFrame[] = [];
    for (let end = lineEnd(this.buffer); end >= 0; end = lineEnd(this.buffer)) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(this.buffer[end] === '\r' && this.buffer[end + 1] === '\n' ? end + 2 : end + 1);
      const frame = this.line(line);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  private line(line: string): SseFrame | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return { kind: 'comment', text: line.slice(1).trim() };
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return undefined;
  }

  private dispatch(): SseFrame | undefined {
    const { id, event, data } = this;
    this.id = undefined;
    this.event = '';
    this.data = [];
    if (data.length > 0) return { kind: 'message', id, event: event || 'message', data: data.join('\n') };
    return id !== undefined ? { kind: 'id', id } : undefined;
  }
}

/** The index of the first CR or LF; a trailing CR waits for the next chunk, which may hold its LF. */
function lineEnd(text: string): number {
  const at = text.search(/[\r\n]/);
  if (at >= 0 && text[at] === '\r' && at === text.length - 1) return -1;
  return at;
}
