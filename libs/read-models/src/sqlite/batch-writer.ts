/**
 * Applies a list of WriteOps inside one SQLite transaction. Documents are parsed once per batch and
 * kept in a per-table cache: a rebuild typically hits the same documents many times in a batch (a
 * counter per stream, a total), so each is read and parsed at most once and written once at `flush`.
 * Later ops of the batch, including scans, read through the cache and so see earlier ops' effects.
 */
import { checkDoc } from '../adapter-support';
import type { Doc, Filter, Update, WriteOp } from '../port';
import { applyUpdate, cloneJson, compileFilter, DuplicateKeyError, upsertDocument, type CompiledFilter } from './mongo-semantics';
import type { DocStatements } from './schema';

interface Slot {
  /** Current version in this batch; null when absent or deleted. */
  doc: Doc | null;
  /** Whether a row exists in the table (at the start of the batch). */
  stored: boolean;
  dirty: boolean;
}

class TableWork {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly collection: string,
    private readonly statements: DocStatements,
  ) {}

  insert(doc: Doc): void {
    checkDoc(doc);
    const slot = this.slot(doc._id);
    if (slot.doc) throw new DuplicateKeyError(this.collection, doc._id);
    this.put(slot, cloneJson(doc));
  }

  replace(doc: Doc): void {
    checkDoc(doc);
    this.put(this.slot(doc._id), cloneJson(doc));
  }

  update(filter: Filter, update: Update, upsert: boolean, multi: boolean): void {
    const matches = this.match(compileFilter(filter), multi ? Infinity : 1);
    if (matches.length === 0) {
      if (upsert) this.insertUpserted(upsertDocument(filter, update));
      return;
    }
    for (const slot of matches) {
      applyUpdate(slot.doc as Doc, update, false);
      slot.dirty = true;
    }
  }

  delete(filter: Filter, multi: boolean): void {
    for (const slot of this.match(compileFilter(filter), multi ? Infinity : 1)) this.put(slot, null);
  }

  flush(): void {
    for (const [id, slot] of this.slots) {
      if (!slot.dirty) continue;
      if (slot.doc) this.statements.upsert.run(id, JSON.stringify(slot.doc));
      else if (slot.stored) this.statements.delete.run(id);
    }
  }

  private insertUpserted(doc: Doc): void {
    const slot = this.slot(doc._id);
    // MongoDB fails the same way when the filter missed but the _id it implies exists.
    if (slot.doc) throw new DuplicateKeyError(this.collection, doc._id);
    this.put(slot, doc);
  }

  private put(slot: Slot, doc: Doc | null): void {
    slot.doc = doc;
    slot.dirty = true;
  }

  private slot(id: string): Slot {
    let slot = this.slots.get(id);
    if (!slot) {
      const json = this.statements.get.get(id);
      slot = { doc: json === undefined ? null : (JSON.parse(json) as Doc), stored: json !== undefined, dirty: false };
      this.slots.set(id, slot);
    }
    return slot;
  }

  /** Slots whose current document matches, in natural order: stored rows first, then this batch's new ones. */
  private match(filter: CompiledFilter, max: number): Slot[] {
    const out: Slot[] = [];
    if (filter.ids) {
      for (const id of filter.ids) {
        const slot = this.slot(id);
        if (slot.doc && filter.test(slot.doc)) out.push(slot);
        if (out.length >= max) break;
      }
      return out;
    }
    // No other statement may run while iterating, so rows are parsed right here (and cached as slots).
    for (const row of this.statements.scan.iterate()) {
      let slot = this.slots.get(row._id);
      if (!slot) {
        slot = { doc: JSON.parse(row.doc) as Doc, stored: true, dirty: false };
        this.slots.set(row._id, slot);
      }
      if (slot.doc && filter.test(slot.doc)) out.push(slot);
      if (out.length >= max) return out;
    }
    for (const slot of this.slots.values()) {
      if (out.length >= max) break;
      if (!slot.stored && slot.doc && filter.test(slot.doc)) out.push(slot);
    }
    return out;
  }
}

export class BatchWriter {
  private readonly tables = new Map<string, TableWork>();

  /** `resolve` maps a logical collection to its statements (checking it may be written). */
  constructor(private readonly resolve: (collection: string) => DocStatements) {}

  applyAll(ops: WriteOp[]): void {
    for (const op of ops) this.apply(op);
  }

  flush(): void {
    for (const work of this.tables.values()) work.flush();
  }

  private apply(op: WriteOp): void {
    const work = this.work(op.collection);
    switch (op.op) {
      case 'insert':
        return work.insert(op.doc);
      case 'replace':
        return work.replace(op.doc);
      case 'update':
        return work.update(op.filter, op.update, op.upsert ?? false, op.multi ?? false);
      case 'delete':
        return work.delete(op.filter, op.multi ?? false);
      default:
        throw new Error(`Unknown write op ${JSON.stringify((op as { op?: unknown }).op)}`);
    }
  }

  private work(collection: string): TableWork {
    let work = this.tables.get(collection);
    if (!work) {
      work = new TableWork(collection, this.resolve(collection));
      this.tables.set(collection, work);
    }
    return work;
  }
}
