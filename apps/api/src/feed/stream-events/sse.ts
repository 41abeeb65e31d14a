/**
 * Server-sent events framing (HTML Living Standard, "Server-sent events"). A message is `field: value`
 * lines ended by a blank line; a line starting with `:` is a comment, which clients ignore.
 */
import type { FeedItem } from '../feed-item';

export interface Disconnect {
  reason: string;
  /** The position of the last event written to this connection (0: none). */
  lastPosition: number;
}

/** JSON.stringify escapes line breaks inside strings, so the data is always one line. */
const line = (field: string, value: string) => `${field}: ${value}\n`;

/** `id` is the position, so an EventSource's `Last-Event-ID` resumes exactly after it. */
export const eventMessage = (item: FeedItem): string => `${line('id', String(item.position))}${line('event', item.type)}${line('data', JSON.stringify(item))}\n`;

/**
 * An id with no data: clients dispatch nothing but record it as the last event id. Sent when the
 * stream stepped over events the viewer may not read, so a reconnect does not read them again.
 */
export const checkpointMessage = (position: number): string => `${line('id', String(position))}\n`;

export const HEARTBEAT = ': heartbeat\n\n';

/** No `id`: the last event id stays that of the last event. */
export const disconnectMessage = (notice: Disconnect): string => `${line('event', 'disconnect')}${line('data', JSON.stringify(notice))}\n`;
