/**
 * The adapters, for composition roots (apps). Kept out of index.ts on purpose: the layer rules
 * (.dependency-cruiser.js, "ports-do-not-import-adapters") forbid the port's index from importing
 * adapters, so code that only needs the port never loads better-sqlite3, mingo or the mongodb driver.
 * The contract suite lives at `@cl/read-models/testing/read-store.contract` (it imports Jest globals).
 */
export { SqliteReadStore, DuplicateKeyError, UpdateError, type SqliteReadStoreOptions } from './sqlite/sqlite-read-store';
export { MongoReadStore } from './mongo/mongo-read-store';
