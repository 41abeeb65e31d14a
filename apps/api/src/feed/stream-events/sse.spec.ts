import type { FeedItem } from '../feed-item';
import { checkpointMessage, disconnectMessage, eventMessage, HEARTBEAT } from './sse';

const item: FeedItem = {
  position: 42,
  id: '5f0c5c1e-9a43-4a57-9f3c-4f8e3f1f2a10',
  stream: 'client-c-1',
  revision: 3,
  type: 'ClientInteractionLogged',
  schemaVersion: 1,
  data: { clientId: 'c-1', summary: 'Called twice:\nno answer\r\n\nthen a visit' },
  metadata: { actor: { party: 'company', userId: 'anna' }, correlationId: 'c', causationId: 'c', recordedAt: '2026-03-01T10:00:00.000Z' },
};

describe('SSE framing of the feed', () => {
  it('frames an event as id = position, event = type and the item as one data line, ended by a blank line', () => {
    const message = eventMessage(item);
    const lines = message.split('\n');
    expect(lines.slice(0, 2)).toEqual(['id: 42', 'event: ClientInteractionLogged']);
    expect(lines.slice(3)).toEqual(['', '']);
    expect(JSON.parse(lines[2].slice('data: '.length))).toEqual(item); // line breaks inside the data stay escaped
  });

  it('frames a checkpoint as an id alone, the disconnect notice without an id, the heartbeat as a comment', () => {
    expect(checkpointMessage(97)).toBe('id: 97\n\n');
    expect(disconnectMessage({ reason: 'slow consumer: …', lastPosition: 41 })).toBe('event: disconnect\ndata: {"reason":"slow consumer: …","lastPosition":41}\n\n');
    expect(HEARTBEAT).toBe(': heartbeat\n\n');
  });
});
