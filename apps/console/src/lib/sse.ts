/**
 * A server-sent-events parser for a stream read with fetch: EventSource cannot send the
 * Authorization header the feed requires (docs/feed.md), so the console reads the stream itself.
 * Follows the WHATWG rules: lines end with CRLF, LF or CR; a blank line dispatches; `:` starts a
 * comment (the heartbeat); an `id:`-only message is still dispatched, so the caller records the id.
 */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

export class SseParser {
  private buffer = '';
  private current: { id?: string; event?: string; data: string[] } = { data: [] };
  private pendingCR = false;

  /** Feeds decoded text; returns the messages completed by it. */
  push(text: string): SseMessage[] {
    let chunk = text;
    // A CR at the end of the previous chunk already ended its line: drop the LF that completes a CRLF.
    if (this.pendingCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCR = chunk.endsWith('\r');
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\n|\r/);
    this.buffer = lines.pop() ?? '';
    return lines.flatMap((line) => this.line(line));
  }

  private line(line: string): SseMessage[] {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return [];
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.current.data.push(value);
    else if (field === 'event') this.current.event = value;
    else if (field === 'id' && !value.includes('\0')) this.current.id = value;
    return [];
  }

  private dispatch(): SseMessage[] {
    const { id, event, data } = this.current;
    this.current = { data: [] };
    if (id === undefined && data.length === 0) return [];
    return [
      { ...(id !== undefined ? { id } : {}), ...(event !== undefined ? { event } : {}), ...(data.length ? { data: data.join('\n') } : {}) },
    ];
  }
}
