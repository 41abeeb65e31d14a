/**
 * Runs the shared contract against a real MongoDB when MONGODB_URL is set (a replica set exercises
 * transactions; a standalone server exercises the guarded fallback). Each run uses its own database
 * and drops it afterwards. Without MONGODB_URL the leg is skipped, and says so.
 */
import { randomBytes } from 'node:crypto';
import { generationCollection } from '../adapter-support';
import { readStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

const url = process.env.MONGODB_URL;

if (url) {
  const database = `cl_read_store_contract_${Date.now()}_${randomBytes(3).toString('hex')}`;
  // Never print the URL itself: it may carry credentials.
  console.log(`[read store contract] MongoDB leg running against MONGODB_URL, database ${database}`);
  readStoreContract(
    'MongoDB (from MONGODB_URL)',
    () => MongoReadStore.connect(url, database),
    async (store) => {
      await (store as MongoReadStore).database.dropDatabase();
    },
    { atomicCommits: (store) => (store as MongoReadStore).transactional },
  );

  // The contract sees answers only, which indexes never change: whether the index itself went is checked here.
  it('MongoDB: drops a retired index from the active generation, keeping the others', async () => {
    const store = await MongoReadStore.connect(url, `${database}_retire`);
    try {
      await store.registerProjection('p', ['items']);
      await store.ensureIndexes([{ collection: 'items', fields: ['clientId'] }, { collection: 'items', fields: ['at', '_id'] }]);
      const doc = { _id: 'a', clientId: 'c1', at: '2026-01-01' };
      await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: [{ op: 'replace', collection: 'items', doc }] });
      const keys = async () => (await store.database.collection(generationCollection('items', 1)).listIndexes().toArray()).map((i) => JSON.stringify(i.key)).sort();
      expect(await keys()).toEqual(['{"_id":1}', '{"at":1,"_id":1}', '{"clientId":1}']);
      expect(await store.retireIndexes(['items'], [{ collection: 'items', fields: ['at', '_id'] }])).toEqual([{ collection: 'items', fields: ['clientId'] }]);
      expect(await keys()).toEqual(['{"_id":1}', '{"at":1,"_id":1}']);
    } finally {
      await store.database.dropDatabase();
      await store.close();
    }
  });
} else {
  console.log('[read store contract] MongoDB leg skipped: MONGODB_URL is not set');
  it.skip('read store contract: MongoDB leg skipped because MONGODB_URL is not set', () => undefined);
}
