/**
 * Idempotency records live in the read store (shared by every API instance). They cache the first
 * answer to a POST so a retry gets it again; the guarantee against double writes is in the command
 * pipeline, which also finds the key in the stream's event metadata (it survives a crash between the
 * append and the record below).
 *
 * A record is kept for IDEMPOTENCY_RETENTION_HOURS (default 24) after its answer was stored: an older
 * one is treated as absent, and every instance deletes the expired ones every 10 minutes.
 */
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '../logging/app-logger';
import { createHash } from 'node:crypto';
import { READ_STORE, type Doc, type ReadStore } from '@cl/read-models';
import type { AppConfig } from '../../config/config.schema';
import { ApiProblem, type Problem } from '../problem/problem';
import { keyReused } from './request-idempotency';

export const IDEMPOTENCY_COLLECTION = 'idempotency';
const COLLECTION = IDEMPOTENCY_COLLECTION;
/** An attempt older than this is presumed dead (its process crashed) and may be taken over. */
const STALE_AFTER_MS = 30_000;
/** How often expired records are deleted. */
export const PURGE_EVERY_MS = 10 * 60 * 1000;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
  problem?: Problem;
}

interface IdempotencyRecord extends Doc {
  fingerprint: string;
  status: 'in_progress' | 'completed';
  /** Epoch ms: when the attempt started, then when its answer was stored. Retention counts from it. */
  startedAt: number;
  response?: StoredResponse;
}

export type Begin = { kind: 'new'; id: string } | { kind: 'replay'; response: StoredResponse };

const inProgress = () =>
  new ApiProblem(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');

@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private readonly retentionMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    config: ConfigService<AppConfig, true>,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('Idempotency');
    this.retentionMs = config.get('IDEMPOTENCY_RETENTION_HOURS', { infer: true }) * 60 * 60 * 1000;
  }

  onModuleInit(): void {
    const run = () =>
      void this.purge().catch((err: unknown) => this.logger.warn({ err }, 'purging expired idempotency records failed; will retry'));
    this.timer = setInterval(run, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes every record older than the retention (`begin` already ignores them). */
  async purge(now = Date.now()): Promise<void> {
    await this.store.write([{ op: 'delete', collection: COLLECTION, filter: { startedAt: { $lt: this.cutoff(now) } }, multi: true }]);
  }

  recordId(userId: string, key: string): string {
    return createHash('sha256').update(`${userId}\n${key}`).digest('hex');
  }

  async begin(id: string, fingerprint: string, now = Date.now()): Promise<Begin> {
    const fresh: IdempotencyRecord = { _id: id, fingerprint, status: 'in_progress', startedAt: now };
    if (await this.store.insertIfAbsent(COLLECTION, fresh)) return { kind: 'new', id };
    const existing = await this.store.findOne<IdempotencyRecord>(COLLECTION, { _id: id });
    if (!existing) return this.begin(id, fingerprint, now);
    if (existing.startedAt < this.cutoff(now)) {
      // Forgotten. Delete it only while still expired (a concurrent retry may have replaced it), then
      // race for the insert again: exactly one concurrent retry wins, the others find it in progress.
      await this.store.write([{ op: 'delete', collection: COLLECTION, filter: { _id: id, startedAt: { $lt: this.cutoff(now) } } }]);
      return this.begin(id, fingerprint, now);
    }
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

  private cutoff(now: number): number {
    return now - this.retentionMs;
  }
}
