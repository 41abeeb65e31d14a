/**
 * Runs a command through a pure decider against the stored stream and appends what it decides,
 * recorded at a chosen instant by a chosen actor — how the report specs place a year of facts in the
 * past. A concurrent append (a process manager reacting to an earlier event) is met by deciding again.
 */
import { randomUUID } from 'node:crypto';
import { allEventSchemas } from '@cl/domain/schemas';
import { currentVersion } from '@cl/domain/shared/schemas';
import { fold, type Actor, type Command, type Decider, type Event } from '@cl/domain/shared/types';
import { WrongExpectedRevisionError } from '@cl/event-store';
import type { TestApp } from '../../testing/test-app';

export interface Decision {
  type: string;
  data: object;
}

export async function decideAt<S, C extends Command, E extends Event>(
  t: TestApp,
  stream: string,
  decider: Decider<S, C, E>,
  actor: Actor,
  at: string,
  command: Decision,
  attempts = 3,
): Promise<E[]> {
  const stored = await t.events.readStream(stream);
  const state = fold(
    decider,
    stored.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
  );
  const events = decider.decide({ ...command, context: { now: new Date(at), actor } } as unknown as C, state);
  if (events.length === 0) return events;
  const metadata = { actor, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: at };
  const envelopes = events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    schemaVersion: currentVersion(allEventSchemas, e.type),
    data: { ...(e.data as Record<string, unknown>) },
    metadata,
  }));
  try {
    await t.events.appendToStream(stream, envelopes, {
      expectedRevision: stored.length ? stored[stored.length - 1].revision : 'no_stream',
    });
    return events;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError) || attempts <= 1) throw error;
    return decideAt(t, stream, decider, actor, at, command, attempts - 1);
  }
}
