/**
 * Idempotency records live in the read store (shared by every API instance). They cache the first
 * answer to a POST so a retry gets it again; the guarantee against double writes is in the command
 * pipeline, which also finds the key in the stream's event metadata (it survives a crash between the
 * append and the record below).
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { READ_STORE, type Doc, type ReadStore } from '@cl/read-models';
import { ApiProblem, type Problem } from '../problem/problem';
import { keyReused } from './request-idempotency';

const COLLECTION = 'idempotency';
/** An attempt older than this is presumed dead (its process crashed) and may be taken over. */
const STALE_AFTER_MS = 30_000;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
  problem?: Problem;
}

interface IdempotencyRecord extends Doc {
  fingerprint: string;
  status: 'in_progress' | 'completed';
  startedAt: number;
  response?: StoredResponse;
}

export type Begin = { kind: 'new'; id: string } | { kind: 'replay'; response: StoredResponse };

const inProgress = () =>
  new ApiProblem(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');

@Injectable()
export class IdempotencyStore {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  recordId(userId: string, key: string): string {
    return createHash('sha256').update(`${userId}\n${key}`).digest('hex');
  }

  async begin(id: string, fingerprint: string, now = Date.now()): Promise<Begin> {
    const fresh: IdempotencyRecord = { _id: id, fingerprint, status: 'in_progress', startedAt: now };
    if (await this.store.insertIfAbsent(COLLECTION, fresh)) return { kind: 'new', id };
    const existing = await this.store.findOne<IdempotencyRecord>(COLLECTION, { _id: id });
    if (!existing) return this.begin(id, fingerprint, now);
    if (existing.fingerprint !== fingerprint) throw keyReused();
    if (existing.status === 'completed' && existing.response) return { kind: 'replay', response: existing.response };
    if (now - existing.startedAt < STALE_AFTER_MS) throw inProgress();
    await this.store.write([{ op: 'replace', collection: COLLECTION, doc: fresh }]);
    return { kind: 'new', id };
  }

  async complete(id: string, fingerprint: string, response: StoredResponse): Promise<void> {
    const doc: IdempotencyRecord = { _id: id, fingerprint, status: 'completed', startedAt: Date.now(), response };
    await this.store.write([{ op: 'replace', collection: COLLECTION, doc }]);
  }

  async abandon(id: string): Promise<void> {
    await this.store.write([{ op: 'delete', collection: COLLECTION, filter: { _id: id } }]);
  }
}
