// The hub's journal on disk: one JSON event per line, written before anyone is told about the
// change, so a killed hub restarts into the same state. A torn last line (killed while
// writing) is skipped. compact() rewrites it atomically (temp file + fsync + rename).
//
// Appends are buffered and written together (flush(): one write for every event since the
// last one); the server flushes once per turn of the event loop, before it forwards a ballot,
// answers a phone or replies to the app, so nothing anyone was told is missing after a kill.
// A rewrite writes its temp file at once and makes it durable off the event loop (fsync in
// libuv's pool); lines appended meanwhile go to the old file and, after the rename, again to
// the new one. Durability is against a killed process; appends are not fsynced (a power cut
// can lose the last lines, never tear the file).
import {
  close,
  closeSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { JournalEvent } from './core';

export class Journal {
  private fd: number;
  private buffered: string[] = [];
  /** While a rewrite's temp file is being synced: lines the new file must get as well. */
  private sinceRewrite: string[] | null = null;
  /** Another rewrite was asked for while one was in flight: its events, newest wins. */
  private nextRewrite: (() => JournalEvent[]) | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;
  lines = 0;

  constructor(private readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Temp files of a hub killed mid-rewrite: never renamed, and they may hold ballots the app
    // has acknowledged since (a secret ballot next to its voter).
    const base = path.basename(file);
    for (const f of readdirSync(path.dirname(file)))
      if (f.startsWith(`${base}.`) && f.endsWith('.tmp'))
        rmSync(path.join(path.dirname(file), f), { force: true });
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

  /** Buffers one event; flush() writes it. */
  append(event: JournalEvent): void {
    this.buffered.push(`${JSON.stringify(event)}\n`);
    this.lines += 1;
  }

  get unflushed(): number {
    return this.buffered.length;
  }

  /** Writes every buffered event with one write. Call before telling anyone about them. */
  flush(): void {
    if (!this.buffered.length || this.closed) return;
    const text = this.buffered.join('');
    this.buffered = [];
    writeSync(this.fd, text);
    this.sinceRewrite?.push(text);
  }

  /**
   * Replaces the file with `events()` (the whole state, compacted). The temp file is written
   * now; fsync and rename follow off the event loop. A rewrite asked for while one is in
   * flight runs after it, with the state of that moment.
   */
  rewrite(events: () => JournalEvent[]): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.nextRewrite = events;
      return;
    }
    // Buffered events first, to the old file: it is the journal until the rename.
    this.flush();
    const list = events();
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    writeSync(fd, list.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.lines = list.length;
    this.sinceRewrite = [];
    this.inFlight = new Promise<void>((resolve) => {
      fsync(fd, (err) => {
        close(fd, () => undefined);
        try {
          if (err) throw err;
          renameSync(temp, this.file);
          // Closing the replaced file frees its blocks: off the event loop too.
          close(this.fd, () => undefined);
          this.fd = openSync(this.file, 'a', 0o600);
          const meanwhile = (this.sinceRewrite ?? []).join('');
          if (meanwhile) writeSync(this.fd, meanwhile);
        } catch {
          // The old file still holds everything (its appends went on): nothing is lost.
          rmSync(temp, { force: true });
        }
        this.sinceRewrite = null;
        this.inFlight = null;
        resolve();
        const next = this.nextRewrite;
        this.nextRewrite = null;
        if (next && !this.closed) this.rewrite(next);
      });
    });
  }

  /** The same, synchronously (start-up, where nothing else is going on). */
  rewriteNow(events: JournalEvent[]): void {
    this.buffered = [];
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

  /** Writes what is buffered, waits for a rewrite in flight (and the one queued after it). */
  async close(): Promise<void> {
    this.flush();
    while (this.inFlight) await this.inFlight;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
