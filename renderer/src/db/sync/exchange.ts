// "Výměna dat" (docs/sync.md): exchange by file between two laptops, on the replication model.
// Export: local changes are pushed into the replica, then every document changed since the
// partner last confirmed (its `received`) goes into the file with all its versions and their
// revision histories. Import: the whole file is validated first (inspectExchange), then written
// with `new_edits: false` (the revision trees merge; the same file twice changes nothing) and
// applied to Dexie.
import { buildExchange, inspectExchange, SyncFileError } from '@shared/sync/exchangeFile';
import type { SyncDoc } from '@shared/sync/rules';
import { nowIso } from '../clock';
import type { AppDb } from '../schema';
import { applyIncoming, pushOutbox, type ApplyResult } from './bridge';
import type { PouchLike } from './pouch';
import { partner, savePartner, thisNode, type Partner } from './state';

export interface ExportedExchange {
  bytes: Uint8Array;
  fileName: string;
  docs: number;
}

/** "triada-vymena-Jana-2026-04-16-0930.json" */
export function exchangeFileName(from: string, createdAt: string): string {
  const d = new Date(createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const who =
    from
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'triada';
  return `triada-vymena-${who}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`;
}

/**
 * A file for `partnerId` with everything it has not confirmed yet (everything for a new
 * partner: `partnerId` null).
 */
export async function exportExchange(
  db: AppDb,
  pouch: PouchLike,
  partnerId: string | null,
): Promise<ExportedExchange> {
  await pushOutbox(db, pouch);
  const me = await thisNode(db);
  const known = partnerId ? await partner(db, partnerId) : undefined;
  const since = known?.acked ?? 0;
  const refs: { id: string; rev: string }[] = [];
  let last = since;
  for (let from = since; ;) {
    const ch = await pouch.changes({ since: from, style: 'all_docs', limit: 1000 });
    if (!ch.results.length) break;
    for (const c of ch.results) for (const r of c.changes) refs.push({ id: c.id, rev: r.rev });
    from = Number(ch.last_seq);
    last = from;
  }
  const docs: SyncDoc[] = [];
  for (let i = 0; i < refs.length; i += 1000) {
    const got = await pouch.bulkGet({ docs: refs.slice(i, i + 1000), revs: true });
    for (const r of got.results) for (const d of r.docs) if ('ok' in d) docs.push(strip(d.ok));
  }
  docs.sort((a, b) => (a._id === b._id ? (a._rev < b._rev ? -1 : 1) : a._id < b._id ? -1 : 1));
  const createdAt = nowIso();
  const text = await buildExchange({
    createdAt,
    from: me,
    to: partnerId,
    since,
    seq: last,
    received: known?.theirSeq ?? 0,
    docs,
  });
  if (known) await savePartner(db, { ...known, lastExportAt: createdAt });
  return {
    bytes: new TextEncoder().encode(text),
    fileName: exchangeFileName(me.name, createdAt),
    docs: docs.length,
  };
}

/** Only the fields a document travels with (PouchDB adds none we want to carry). */
function strip(d: SyncDoc): SyncDoc {
  const { _id, _rev, _revisions, _deleted, table, scope, data, dismissed } = d;
  return {
    _id,
    _rev,
    ...(_revisions ? { _revisions } : {}),
    ...(_deleted ? { _deleted } : {}),
    table,
    scope,
    ...(data && !_deleted ? { data } : {}),
    ...(dismissed?.length ? { dismissed } : {}),
  };
}

export interface ImportedExchange extends ApplyResult {
  partner: Partner;
  docs: number;
}

/** Imports a partner's file; throws SyncFileError (nothing written) when it is refused. */
export async function importExchange(
  db: AppDb,
  pouch: PouchLike,
  file: Uint8Array | string,
): Promise<ImportedExchange> {
  const parsed = await inspectExchange(file);
  const me = await thisNode(db);
  if (parsed.from.id === me.id)
    throw new SyncFileError([{ code: 'sync.errors.ownFile', params: {} }]);
  await pushOutbox(db, pouch);
  if (parsed.docs.length) await pouch.bulkDocs(parsed.docs, { new_edits: false });
  const result = await applyIncoming(db, pouch, parsed.from.name);
  const known = await partner(db, parsed.from.id);
  const theirSeq = known?.theirSeq ?? 0;
  const next: Partner = {
    id: parsed.from.id,
    name: parsed.from.name,
    // A file that starts after what we have (one was skipped) does not move the mark.
    theirSeq: parsed.since <= theirSeq ? Math.max(theirSeq, parsed.seq) : theirSeq,
    acked: Math.max(known?.acked ?? 0, parsed.to === me.id ? parsed.received : 0),
    lastImportAt: nowIso(),
    ...(known?.lastExportAt ? { lastExportAt: known.lastExportAt } : {}),
  };
  await savePartner(db, next);
  return { ...result, partner: next, docs: parsed.docs.length };
}
