/**
 * Applies a list of WriteOps, then writes the result at `flush`. Both run in one SQLite transaction,
 * except for a generation being rebuilt (one writer): its ops are applied before the write lock is
 * taken and only `flush` runs inside (see SqliteReadStore.commit). Documents are parsed once per batch and
 * kept in a per-table cache: a rebuild typically hits the same documents many times in a batch (a
 * counter per stream, a total), so each is read and parsed at most once and written once at `flush`.
 * Later ops of the batch, including scans, read through the cache and so see earlier ops' effects.
 */
import { checkDoc } from '../adapter-support';
import type { Doc, Filter, Update, WriteOp } from '../port';
import type { DocTables } from './doc-tables';
import { columnValues, filterPlan, namesField, newlyMixed, type TableIndex } from './indexes';
import { applyUpdate, compileFilter, DuplicateKeyError, isPlainObject, upsertDocument, type CompiledFilter } from './mongo-semantics';
import type { DocStatements } from './schema';

/** A physical table to write, as the batch's resolver hands it out. */
export interface WriteTarget {
  table: string;
  statements: DocStatements;
}

interface Slot {
  /** Current version in this batch; null when absent or deleted. Ignored while `json` is set. */
  doc: Doc | null;
  /**
   * A document written whole (insert, replace) is kept as its JSON until an op of the batch needs it as
   * an object: most are never touched again, and are then serialised once and never parsed.
   */
  json?: string;
  /** With `json`: the values of the table's stored columns, taken from the document written whole. */
  columns?: Array<string | number | null>;
  /** Whether a row exists in the table (at the start of the batch); undefined: not looked up (a replace needs not know). */
  stored: boolean | undefined;
  dirty: boolean;
}

/** The slot's current document, parsing a whole-written one on first use. */
function current(slot: Slot): Doc | null {
  if (slot.json !== undefined) {
    slot.doc = JSON.parse(slot.json) as Doc;
    slot.json = undefined;
    slot.columns = undefined;
  }
  return slot.doc;
}

const exists = (slot: Slot) => slot.json !== undefined || slot.doc !== null;

const fieldsOf = (indexes: TableIndex[]) => JSON.stringify(indexes.map((index) => index.fields));

class TableWork {
  private readonly slots = new Map<string, Slot>();
  private readonly statements: DocStatements;
  private indexList: TableIndex[] | undefined;
  /** The table's index declarations (their fields) as this batch first read them. */
  private judgedAgainst: string | undefined;
  /** Indexes this batch found mixed, by their fields' JSON: recorded with the batch's rows (a rebuild applies its ops before the write lock). */
  private readonly mixed = new Map<string, string[]>();

  constructor(
    private readonly collection: string,
    private readonly target: WriteTarget,
    private readonly tables: DocTables,
  ) {
    this.statements = target.statements;
  }

  private get indexes(): TableIndex[] {
    if (!this.indexList) {
      this.indexList = this.tables.indexesOf(this.target.table);
      this.judgedAgainst ??= fieldsOf(this.indexList);
      // Read again after a deferred build: what this batch found mixed is not recorded yet, and stays mixed.
      for (const index of this.indexList) if (this.mixed.has(JSON.stringify(index.fields))) index.plain = false;
    }
    return this.indexList;
  }

  /** Whether the table's indexes are no longer those this batch judged its documents against (one declared by another process since). */
  indexesChanged(): boolean {
    return this.judgedAgainst !== undefined && this.judgedAgainst !== fieldsOf(this.tables.indexesOf(this.target.table));
  }

  /** The table's indexes, after creating the deferred ones this filter could be narrowed by: a rebuild's own filtered writes must not scan. */
  private plannable(filter: Filter): TableIndex[] {
    const wanted = (index: TableIndex) => index.deferred && index.plain && namesField(filter, index.fields[0]);
    if (this.indexes.some(wanted)) {
      this.tables.transaction(() => this.tables.buildDeferred(this.target.table, wanted));
      this.indexList = undefined;
    }
    return this.indexes;
  }

  insert(doc: Doc): void {
    checkDoc(doc);
    const slot = this.slot(doc._id);
    if (exists(slot)) throw new DuplicateKeyError(this.collection, doc._id);
    this.putWhole(slot, doc);
  }

  /** Written as JSON (which is also the copy that keeps the caller's object apart from the stored one). */
  replace(doc: Doc): void {
    checkDoc(doc);
    let slot = this.slots.get(doc._id);
    if (!slot) {
      slot = { doc: null, stored: undefined, dirty: false };
      this.slots.set(doc._id, slot);
    }
    this.putWhole(slot, doc);
  }

  update(filter: Filter, update: Update, upsert: boolean, multi: boolean): void {
    const matches = this.match(filter, compileFilter(filter), multi ? Infinity : 1);
    if (matches.length === 0) {
      if (upsert) this.insertUpserted(upsertDocument(filter, update));
      return;
    }
    for (const slot of matches) {
      applyUpdate(current(slot) as Doc, update, false);
      slot.dirty = true;
    }
  }

  delete(filter: Filter, multi: boolean): void {
    for (const slot of this.match(filter, compileFilter(filter), multi ? Infinity : 1)) this.put(slot, null);
  }

  flush(): void {
    for (const [id, slot] of this.slots) {
      if (!slot.dirty) continue;
      if (slot.json !== undefined) this.statements.upsert.run(id, slot.json, ...slot.columns!);
      else if (slot.doc) {
        this.checkPlain(slot.doc);
        this.statements.upsert.run(id, JSON.stringify(slot.doc), ...columnValues(slot.doc, this.statements.columns));
      } else if (slot.stored !== false) this.statements.delete.run(id);
    }
    for (const fields of this.mixed.values()) this.tables.markMixed(this.target.table, fields);
  }

  /** A document that makes an index mixed switches it off for this table (see indexes.ts). */
  private checkPlain(doc: Doc): void {
    for (const index of newlyMixed(doc, this.indexes)) this.mixed.set(JSON.stringify(index.fields), index.fields);
  }

  private insertUpserted(doc: Doc): void {
    const slot = this.slot(doc._id);
    // MongoDB fails the same way when the filter missed but the _id it implies exists.
    if (exists(slot)) throw new DuplicateKeyError(this.collection, doc._id);
    this.put(slot, doc);
  }

  private putWhole(slot: Slot, doc: Doc): void {
    this.checkPlain(doc);
    slot.json = JSON.stringify(doc);
    slot.columns = columnValues(doc, this.statements.columns); // primitives: later changes to the caller's object cannot reach them
    slot.doc = null;
    slot.dirty = true;
  }

  private put(slot: Slot, doc: Doc | null): void {
    slot.json = undefined;
    slot.columns = undefined;
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

  /**
   * Slots whose current document matches: stored rows in natural order, then this batch's new ones.
   * With an index to narrow the stored rows, the documents this batch already touched are judged first
   * (their stored version may no longer be what the index holds), then the narrowed rows.
   */
  private match(filter: Filter, compiled: CompiledFilter, max: number): Slot[] {
    const out: Slot[] = [];
    const matches = (slot: Slot) => {
      const doc = current(slot);
      return doc !== null && compiled.test(doc);
    };
    if (compiled.ids) {
      for (const id of compiled.ids) {
        const slot = this.slot(id);
        if (matches(slot)) out.push(slot);
        if (out.length >= max) break;
      }
      return out;
    }
    const plan = filterPlan(filter, this.plannable(filter));
    if (plan) {
      for (const slot of this.slots.values()) if (matches(slot) && out.push(slot) >= max) return out;
      // Each row comes once, so a row already holding a slot was touched before this query: judged above.
      for (const row of this.tables.selectRows(this.target.table, plan).iterate(...plan.params)) {
        if (this.slots.has(row._id)) continue;
        const slot: Slot = { doc: JSON.parse(row.doc) as Doc, stored: true, dirty: false };
        this.slots.set(row._id, slot);
        if (matches(slot) && out.push(slot) >= max) return out;
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
      slot.stored = true; // a replaced slot not looked up before: now known to be stored
      if (matches(slot)) out.push(slot);
      if (out.length >= max) return out;
    }
    for (const slot of this.slots.values()) {
      if (out.length >= max) break;
      if (slot.stored !== true && matches(slot)) out.push(slot);
    }
    return out;
  }
}

export class BatchWriter {
  private readonly works = new Map<string, TableWork>();

  /** `resolve` maps a logical collection to its table (checking it may be written). */
  constructor(
    private readonly resolve: (collection: string) => WriteTarget,
    private readonly tables: DocTables,
  ) {}

  applyAll(ops: WriteOp[]): void {
    for (const op of ops) this.apply(op);
  }

  flush(): void {
    for (const work of this.works.values()) work.flush();
  }

  /** Whether a table's indexes changed since the ops were applied (see TableWork.indexesChanged): they must be applied again. */
  indexesChanged(): boolean {
    return [...this.works.values()].some((work) => work.indexesChanged());
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
    let work = this.works.get(collection);
    if (!work) {
      work = new TableWork(collection, this.resolve(collection), this.tables);
      this.works.set(collection, work);
    }
    return work;
  }
}
