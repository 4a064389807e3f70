// The journal's batching and its rewrite off the event loop: appends reach the file only with
// flush() (one write for all), lines appended while a rewrite is syncing are in the new file
// too, close() waits for a rewrite in flight, and temp files of a killed hub are removed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JournalEvent } from './core';
import { Journal } from './journal';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-journal-'));
  file = path.join(dir, 'hub-journal.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bind = (n: number): JournalEvent => ({ e: 'bind', code: `CODE${n}`, device: `device-${n}` });
const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);

it('writes buffered events only on flush, all at once', async () => {
  const j = new Journal(file);
  j.append(bind(1));
  j.append(bind(2));
  expect(j.unflushed).toBe(2);
  expect(lines()).toEqual([]);
  j.flush();
  expect(lines().map((l) => JSON.parse(l) as JournalEvent)).toEqual([bind(1), bind(2)]);
  expect(j.lines).toBe(2);
  await j.close();
});

it('keeps lines appended while a rewrite is in flight, and close waits for it', async () => {
  const j = new Journal(file);
  j.append(bind(1));
  j.append(bind(2));
  j.flush();
  j.rewrite(() => [bind(2)]);
  // The rewrite is still syncing: the old file is the journal and gets the new line.
  j.append(bind(3));
  j.flush();
  j.rewrite(() => [bind(2), bind(3), bind(4)]); // queued behind the first
  await j.close();
  expect(lines().map((l) => JSON.parse(l) as JournalEvent)).toEqual([bind(2), bind(3), bind(4)]);
  expect(readdirSync(dir)).toEqual(['hub-journal.jsonl']);
  expect(new Journal(file).read()).toEqual([bind(2), bind(3), bind(4)]);
});

it('a line flushed during the first rewrite survives it', async () => {
  const j = new Journal(file);
  j.rewrite(() => [bind(1)]);
  j.append(bind(2));
  j.flush();
  await j.close();
  expect(new Journal(file).read()).toEqual([bind(1), bind(2)]);
});

it('removes temp files a killed hub left behind', async () => {
  writeFileSync(`${file}.12345.tmp`, `${JSON.stringify(bind(9))}\n`);
  const j = new Journal(file);
  expect(readdirSync(dir)).toEqual(['hub-journal.jsonl']);
  await j.close();
});
