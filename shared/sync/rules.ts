// Pure rules of sync (docs/sync.md): the document a record travels as, its revision ids, which
// versions of a record count as a conflict for a person to review, and how the app's record is
// built from a document that has several versions.
import { canonicalJson } from '../backup/canonical';
import { sha256HexSync } from '../backup/sha256';
import type { SyncedTable } from './tables';

export type Rec = Record<string, unknown>;

/** A record as a PouchDB/CouchDB document (a tombstone has `_deleted` and no `data`). */
export interface SyncDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _deleted?: true;
  table: SyncedTable;
  /** Which database it travels in: "region" or "body:<bodyId>" (docs/sync.md, "Who sees what"). */
  scope: string;
  data?: Rec;
  /** Revisions of deleted versions a person has reviewed (edit versus delete, kept). */
  dismissed?: string[];
}

export const revGeneration = (rev: string): number => Number.parseInt(rev, 10);
export const revHashPart = (rev: string): string => rev.slice(rev.indexOf('-') + 1);

/**
 * The id of a new revision: its generation and a hash of its content and parent, as PouchDB's
 * deterministic revisions do. Two laptops making the same change to the same version produce
 * the same revision, so identical edits never conflict.
 */
export function nextRevision(
  parent: { rev: string; ids: string[] } | null,
  content: { deleted: boolean; data?: Rec; dismissed?: string[] },
): { rev: string; revisions: { start: number; ids: string[] } } {
  const hash = sha256HexSync(canonicalJson({ parent: parent?.rev ?? null, ...content })).slice(
    0,
    32,
  );
  const start = parent ? revGeneration(parent.rev) + 1 : 1;
  return {
    rev: `${start}-${hash}`,
    revisions: { start, ids: [hash, ...(parent?.ids ?? [])] },
  };
}

/** Fields that change with every save and say nothing about the record. */
const NOISE: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);

const withoutNoise = (r: Rec): Rec =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !NOISE.has(k)));

/** The two versions differ in something a person would care about. */
export const meaningfullyDifferent = (a: Rec, b: Rec): boolean =>
  canonicalJson(withoutNoise(a)) !== canonicalJson(withoutNoise(b));

/** Names of the fields two versions differ in (for the review list). */
export function differingFields(a: Rec, b: Rec): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (!NOISE.has(k) && canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)) out.push(k);
  return out.sort();
}

/**
 * Lists whose items are added independently on several laptops: the app's record holds the
 * union of every version's items (in the winner's order, then the others' in revision order).
 */
export const UNION_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = {
  tasks: ['reviews'],
  polls: ['voters'],
  planItems: ['formerCodes'],
};

/**
 * The record the app shows for a document with several versions: the replication winner
 * (the same on every laptop), with the union of the UNION_FIELDS lists of all versions.
 */
export function mergeVersions(table: SyncedTable, winner: Rec, others: readonly Rec[]): Rec {
  const fields = UNION_FIELDS[table];
  if (!fields || !others.length) return winner;
  const out: Rec = { ...winner };
  for (const f of fields) {
    if (!Array.isArray(winner[f])) continue;
    const seen = new Set<string>();
    const merged: unknown[] = [];
    for (const list of [winner[f], ...others.map((o) => o[f])]) {
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const k = canonicalJson(item);
        if (!seen.has(k)) {
          seen.add(k);
          merged.push(item);
        }
      }
    }
    out[f] = merged;
  }
  return out;
}

export type ConflictKind = 'edit' | 'editDelete' | 'refused';

export interface ConflictVersion {
  rev: string;
  deleted: boolean;
  data?: Rec;
  /** Fields in which this version differs from the winner. */
  fields: string[];
}

/**
 * The versions of a document a person must review, or [] when there is nothing to review:
 * losing versions that differ from the winner in more than timestamps, and deleted versions
 * (edit versus delete: the edit wins, the record stays, the deletion is listed) that nobody
 * has dismissed yet. Losing versions are never dropped.
 */
export function reviewableVersions(
  winner: { rev: string; data: Rec; dismissed?: readonly string[] },
  losers: readonly { rev: string; data: Rec }[],
  deletedLosers: readonly string[],
): ConflictVersion[] {
  const out: ConflictVersion[] = [];
  for (const l of losers)
    if (meaningfullyDifferent(winner.data, l.data))
      out.push({
        rev: l.rev,
        deleted: false,
        data: l.data,
        fields: differingFields(winner.data, l.data),
      });
  const dismissed = new Set(winner.dismissed ?? []);
  for (const rev of deletedLosers)
    if (!dismissed.has(rev)) out.push({ rev, deleted: true, fields: [] });
  return out.sort((a, b) => (a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0));
}

/**
 * CouchDB's winning revision among leaves: a live version before a deleted one, then the longer
 * history, then the greater revision id. Used where PouchDB does not name the winner (a
 * document whose every version is deleted).
 */
export function winningRev(leaves: readonly { rev: string; deleted: boolean }[]): string | null {
  let best: { rev: string; deleted: boolean } | null = null;
  for (const l of leaves) {
    if (!best) best = l;
    else if (best.deleted !== l.deleted) {
      if (!l.deleted) best = l;
    } else {
      const g = revGeneration(l.rev) - revGeneration(best.rev);
      if (g > 0 || (g === 0 && revHashPart(l.rev) > revHashPart(best.rev))) best = l;
    }
  }
  return best?.rev ?? null;
}
