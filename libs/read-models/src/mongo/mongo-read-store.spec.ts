/**
 * Runs the shared contract against a real MongoDB when MONGODB_URL is set (a replica set exercises
 * transactions; a standalone server exercises the guarded fallback). Each run uses its own database
 * and drops it afterwards. Without MONGODB_URL the leg is skipped, and says so.
 */
import { randomBytes } from 'node:crypto';
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
} else {
  console.log('[read store contract] MongoDB leg skipped: MONGODB_URL is not set');
  it.skip('read store contract: MongoDB leg skipped because MONGODB_URL is not set', () => undefined);
}
