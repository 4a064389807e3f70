// Which CouchDB database a record travels in (docs/sync.md, "Who sees what"): the region's
// shared records (people, organizations, bodies, the plan) in "region", everything of one
// body's meetings in that body's database.
import type { Rec } from './rules';
import type { SyncedTable } from './tables';

export const REGION_SCOPE = 'region';
export const bodyScope = (bodyId: string): string => `body:${bodyId}`;

const REGION_TABLES: ReadonlySet<SyncedTable> = new Set([
  'organizations',
  'people',
  'bodies',
  'plans',
  'planItems',
  'monitoring',
  'evaluationComments',
]);

/** How to find the body of a record: its own field, or its meeting's, or its poll's. */
export type BodyLookup = {
  meetingBody(id: string): string | undefined;
  pollBody(id: string): string | undefined;
};

export function scopeOf(table: SyncedTable, rec: Rec, lookup: BodyLookup): string {
  if (REGION_TABLES.has(table)) return REGION_SCOPE;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const body =
    str(rec.bodyId) ??
    (str(rec.meetingId) ? lookup.meetingBody(String(rec.meetingId)) : undefined) ??
    (str(rec.pollId) ? lookup.pollBody(String(rec.pollId)) : undefined);
  return body ? bodyScope(body) : REGION_SCOPE;
}
