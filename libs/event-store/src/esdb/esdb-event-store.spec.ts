/**
 * The shared contract, run twice: against the in-memory fake EventStoreDB over real gRPC on a loopback
 * port (always), and against a real EventStoreDB when EVENTSTORE_CONNECTION_STRING is set. The real
 * database is shared and never emptied: the contract isolates itself with a fresh stream prefix per test.
 */
import { eventStoreContract } from '../testing/event-store.contract';
import { FakeEsdbServer } from '../testing/fake-esdb/fake-esdb-server';
import { EsdbEventStore } from './esdb-event-store';

eventStoreContract('EventStoreDB adapter, gRPC to the in-memory fake server', async () => {
  const server = await FakeEsdbServer.start();
  return { store: new EsdbEventStore(server.connectionString), cleanup: () => server.stop() };
});

const realConnectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (realConnectionString) {
  // Never print the string itself: it may carry credentials.
  console.log('[event-store contract] EventStoreDB (real) leg running against EVENTSTORE_CONNECTION_STRING');
  eventStoreContract('EventStoreDB adapter, real server from EVENTSTORE_CONNECTION_STRING', async () => ({
    store: await EsdbEventStore.connect(realConnectionString),
  }));
} else {
  console.log('[event-store contract] EventStoreDB (real) leg skipped: EVENTSTORE_CONNECTION_STRING not set');
  it.skip('event store contract: EventStoreDB (real) leg skipped: EVENTSTORE_CONNECTION_STRING not set', () => undefined);
}
