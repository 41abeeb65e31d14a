/**
 * Where handled events go: appended to a JSON-lines file, or printed. The file sink is written before
 * the checkpoint is saved, so after a crash it may hold events the checkpoint does not: `recover`
 * reads them back (and cuts a line torn by the crash), so they are not appended a second time.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import type { FeedItem } from './feed-item';

export interface Sink {
  /** Events already in the sink, newest last, that the checkpoint may not know yet. */
  recover(): Array<Pick<FeedItem, 'id' | 'position'>>;
  write(item: FeedItem): void;
  /** Everything written so far is durable (called before the checkpoint is saved). */
  flush(): void;
  close(): void;
}

/** The tail read back on start: far more than the events between two checkpoint saves. */
const RECOVER_BYTES = 1 << 20;

export class JsonLinesSink implements Sink {
  private readonly fd: number;
  /** Where the next line goes: the end of the file. */
  private end: number;

  constructor(file: string) {
    if (!existsSync(file)) closeSync(openSync(file, 'w'));
    this.fd = openSync(file, 'r+');
    this.end = fstatSync(this.fd).size;
  }

  recover(): Array<Pick<FeedItem, 'id' | 'position'>> {
    const size = fstatSync(this.fd).size;
    const start = Math.max(0, size - RECOVER_BYTES);
    const tail = Buffer.alloc(size - start);
    readSync(this.fd, tail, 0, tail.length, start);
    const complete = tail.lastIndexOf(0x0a) + 1;
    if (complete < tail.length) ftruncateSync(this.fd, (this.end = start + complete));
    const lines = tail.subarray(0, complete).toString('utf8').split('\n');
    // The first line of a cut tail may be partial; every other one is whole.
    return lines
      .slice(start > 0 ? 1 : 0)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FeedItem);
  }

  write(item: FeedItem): void {
    const line = Buffer.from(`${JSON.stringify(item)}\n`, 'utf8');
    writeSync(this.fd, line, 0, line.length, this.end);
    this.end += line.length;
  }

  flush(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class PrintSink implements Sink {
  constructor(private readonly out: (line: string) => void) {}
  recover(): [] {
    return [];
  }
  write(item: FeedItem): void {
    this.out(`${item.position}\t${item.type} v${item.schemaVersion}\t${item.stream}\t${item.id}`);
  }
  flush(): void {}
  close(): void {}
}
