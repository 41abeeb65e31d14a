/**
 * Where the consumer is: the position to resume after, and the ids of the events it handled last, so
 * an event delivered twice (at-least-once: a reconnect, a crash before the checkpoint was saved) is
 * handled once. Saved atomically (write aside, then rename), so a crash never leaves half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Enough to cover any replay window: the events since the last save, many times over. */
const REMEMBERED_IDS = 5_000;

interface Saved {
  position: number;
  recentIds: string[];
}

export class Checkpoint {
  private readonly ids: Set<string>;

  private constructor(
    private readonly file: string,
    public position: number,
    recentIds: string[],
  ) {
    this.ids = new Set(recentIds);
  }

  static load(file: string): Checkpoint {
    if (!existsSync(file)) return new Checkpoint(file, 0, []);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    if (!Number.isSafeInteger(saved.position) || !Array.isArray(saved.recentIds)) throw new Error(`${file} is not a consumer checkpoint`);
    return new Checkpoint(file, saved.position, saved.recentIds);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The event was handled. */
  record(id: string, position: number): void {
    this.ids.add(id);
    if (this.ids.size > REMEMBERED_IDS) this.ids.delete(this.ids.values().next().value as string);
    this.advance(position);
  }

  /** Nothing to handle up to here (events this reader may not see were stepped over). */
  advance(position: number): void {
    if (position > this.position) this.position = position;
  }

  save(): void {
    const saved: Saved = { position: this.position, recentIds: [...this.ids] };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(saved));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
