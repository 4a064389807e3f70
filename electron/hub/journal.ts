// The hub's journal on disk: one JSON event per line, appended before anyone is told about
// the change, so a killed hub restarts into the same state. A torn last line (killed while
// writing) is skipped. compact() rewrites it atomically (temp file + rename).
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { JournalEvent } from './core';

export class Journal {
  private fd: number;
  lines = 0;

  constructor(private readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a', 0o600);
  }

  read(): JournalEvent[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    const out: JournalEvent[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const event = JSON.parse(line) as JournalEvent;
        if (event && typeof event === 'object' && typeof event.e === 'string') out.push(event);
      } catch {
        // a line cut short by a crash: everything after it was never acknowledged to anyone
      }
    }
    this.lines = out.length;
    return out;
  }

  append(event: JournalEvent): void {
    writeSync(this.fd, `${JSON.stringify(event)}\n`);
    this.lines += 1;
  }

  rewrite(events: JournalEvent[]): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    writeSync(fd, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(temp, this.file);
    this.fd = openSync(this.file, 'a', 0o600);
    this.lines = events.length;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
