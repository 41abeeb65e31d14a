/**
 * What the crash spec compares after every kill: the event log as the killed processes left it, and
 * each projection's documents against a from-scratch rebuild into a fresh read store. The live files
 * are opened read-only while the surviving processes keep writing; each projection is read in one
 * SQLite read transaction (one WAL snapshot), so its checkpoint and its documents belong together,
 * and the rebuild replays exactly the events up to that checkpoint.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { allEventSchemas } from '@cl/domain/schemas';
import { canonicalJson, type RecordedEvent } from '@cl/event-store';
import { allProjections, projectBatch, type Projection } from '@cl/projections';
import type { Doc } from '@cl/read-models';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import type { EventRow } from '@cl/event-store/sqlite/schema';

export interface ProjectionDigest {
  name: string;
  checkpoint: number;
  documents: number;
  hash: string;
}


const readOnly = (file: string) => new Database(file, { readonly: true, fileMustExist: true });

export function readLog(dataDir: string): RecordedEvent[] {
  const db = readOnly(join(dataDir, 'events.db'));
  try {
    return db
      .prepare<[], EventRow>('SELECT * FROM events ORDER BY position')
      .all()
      .map((r) => ({
        id: r.id,
        stream: r.stream,
        revision: r.revision,
        position: r.position,
        type: r.type,
        schemaVersion: r.schema_version,
        data: JSON.parse(r.data),
        metadata: JSON.parse(r.metadata),
      }));
  } finally {
    db.close();
  }
}

/** sha256 over the documents of each collection in _id order, keys sorted (storage order is not compared). */
function digest(collections: Array<{ collection: string; docs: Doc[] }>): { documents: number; hash: string } {
  const hash = createHash('sha256');
  let documents = 0;
  for (const { collection, docs } of [...collections].sort((a, b) => a.collection.localeCompare(b.collection))) {
    hash.update(`#${collection}\n`);
    for (const doc of [...docs].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))) {
      hash.update(`${canonicalJson(doc)}\n`);
      documents++;
    }
  }
  return { documents, hash: hash.digest('hex') };
}

/** The live read store: each projection's active generation, checkpoint and documents, from one snapshot each. */
export function liveDigests(dataDir: string): ProjectionDigest[] {
  const db = readOnly(join(dataDir, 'read-models.db'));
  try {
    const exists = db.prepare<[string], number>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
    const snapshot = db.transaction((name: string): ProjectionDigest => {
      const active = db.prepare<[string], number>('SELECT active_generation FROM _rm_projections WHERE name = ?').pluck().get(name) ?? 1;
      const checkpoint =
        db.prepare<[string, number], number>('SELECT checkpoint FROM _rm_checkpoints WHERE projection = ? AND generation = ?').pluck().get(name, active) ?? 0;
      const collections = db.prepare<[string], string>('SELECT collection FROM _rm_collections WHERE projection = ?').pluck().all(name);
      const docs = collections.map((collection) => {
        const table = `rm_${collection}__g${active}`;
        const rows = exists.get(table) ? db.prepare<[], string>(`SELECT doc FROM "${table}"`).pluck().all() : [];
        return { collection, docs: rows.map((r) => JSON.parse(r) as Doc) };
      });
      return { name, checkpoint, ...digest(docs) };
    });
    return allProjections.map((p) => snapshot.deferred(p.name));
  } finally {
    db.close();
  }
}

/** Replays `log` up to `upTo` into a fresh in-memory read store with the same projection code, in batches. */
export async function rebuiltDigest(projection: Projection, log: RecordedEvent[], upTo: number): Promise<ProjectionDigest> {
  const store = new SqliteReadStore(':memory:');
  try {
    await store.registerProjection(projection.name, projection.collections);
    const events = log.filter((e) => e.position <= upTo);
    let checkpoint = 0;
    for (let i = 0; i < events.length; i += 500) {
      const batch = events.slice(i, i + 500);
      const next = batch[batch.length - 1].position;
      const ops = projectBatch(projection, allEventSchemas, batch);
      await store.commit({ projection: projection.name, generation: 1, expectedCheckpoint: checkpoint, checkpoint: next, ops });
      checkpoint = next;
    }
    const docs = await Promise.all(projection.collections.map(async (collection) => ({ collection, docs: await store.find(collection, {}) })));
    return { name: projection.name, checkpoint: upTo, ...digest(docs) };
  } finally {
    await store.close();
  }
}

export interface ReadModelComparison {
  compared: number;
  mismatches: Array<{ name: string; checkpoint: number; live: string; rebuilt: string }>;
  minCheckpoint: number;
  documents: number;
}

/** Every projection's live documents against a rebuild up to its own checkpoint. */
export async function compareWithRebuild(dataDir: string): Promise<ReadModelComparison> {
  const live = liveDigests(dataDir);
  const log = readLog(dataDir); // read after the snapshots: it holds every event up to each checkpoint
  const mismatches: ReadModelComparison['mismatches'] = [];
  for (const d of live) {
    const projection = allProjections.find((p) => p.name === d.name)!;
    const rebuilt = await rebuiltDigest(projection, log, d.checkpoint);
    if (rebuilt.hash !== d.hash) mismatches.push({ name: d.name, checkpoint: d.checkpoint, live: d.hash, rebuilt: rebuilt.hash });
  }
  return {
    compared: live.length,
    mismatches,
    minCheckpoint: Math.min(...live.map((d) => d.checkpoint)),
    documents: live.reduce((n, d) => n + d.documents, 0),
  };
}

export interface Ack {
  kind: 'register' | 'claim';
  clientId: string;
  key: string;
  replayed: boolean;
}

/** Acknowledged commands whose event is missing or present more than once. */
export function checkAcks(log: RecordedEvent[], acks: Ack[]): string[] {
  const counts = new Map<string, number>();
  for (const e of log) {
    if (e.type !== 'ClientRegistered' && e.type !== 'ClientClaimed') continue;
    const k = `${e.type}:${e.stream}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const a of acks) {
    const k = `${a.kind === 'register' ? 'ClientRegistered' : 'ClientClaimed'}:client-${a.clientId}`;
    const n = counts.get(k) ?? 0;
    if (n !== 1) problems.push(`${a.kind} ${a.clientId} acknowledged, found ${n} time(s)`);
  }
  // Nothing, acknowledged or not, may be recorded twice either.
  for (const [k, n] of counts) if (n > 1) problems.push(`${k} recorded ${n} times`);
  return problems;
}
