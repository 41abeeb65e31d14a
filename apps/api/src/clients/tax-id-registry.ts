/**
 * One client per tax id, guaranteed by the event log itself: registering first appends a reservation
 * to a stream named after the tax id, expecting that stream's current revision. Two concurrent
 * registrations of the same tax id cannot both succeed, on SQLite as on EventStoreDB. The stream name
 * carries a digest, not the tax id, so identifiers of sole traders do not end up in stream names.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { clientStream, type ClientTaxIdReserved } from '@cl/domain/client/events';
import type { EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@cl/event-store';
import { envelopeOf, EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

export const taxIdStream = (taxId: string) => `client-tax-id-${createHash('sha256').update(taxId).digest('hex').slice(0, 40)}`;

@Injectable()
export class TaxIdRegistry {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
  ) {}

  /**
   * Reserves the tax id and returns the id the client must be registered under. The latest
   * reservation decides: if its client is registered with this tax id, the answer is a 409 naming
   * it; if its client was never registered (a crash between the two appends), it is taken over; if
   * its client holds another tax id (a refused request), the tax id is reserved again.
   */
  async reserve(taxId: string, clientId: string, request: CommandRequest): Promise<string> {
    const reservations = await this.events.readStream(taxIdStream(taxId));
    const latest = reservations[reservations.length - 1];
    if (latest) {
      const reservedFor = String(latest.data.clientId);
      if (reservedFor === clientId) return clientId;
      const [registered] = await this.events.readStream(clientStream(reservedFor), { maxCount: 1 });
      if (!registered) return reservedFor;
      if (registered.data.taxId === taxId) throw taxIdTaken(taxId, reservedFor);
    }
    try {
      const reservation: ClientTaxIdReserved = { type: 'ClientTaxIdReserved', data: { taxId, clientId, reservedAt: request.now.toISOString() } };
      // Without the Idempotency-Key: it belongs to the client's own events, which a retry looks for.
      const envelope = envelopeOf(this.schemas, reservation, { ...request, idempotency: undefined });
      await this.events.appendToStream(taxIdStream(taxId), [envelope], { expectedRevision: latest ? latest.revision : 'no_stream' });
      return clientId;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return this.reserve(taxId, clientId, request);
      throw error;
    }
  }
}

export const taxIdTaken = (taxId: string, clientId: string) =>
  new ApiProblem(409, 'CLIENT.TAX_ID_TAKEN', `A client with tax id ${taxId} is already registered: ${clientId}`, {
    existingClientId: clientId,
    errors: [{ field: 'taxId', message: `already registered as client ${clientId}` }],
  });
