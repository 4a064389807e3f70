// The generated region (fixtures.ts) as a Triáda backup file: the envelope is built with
// shared/backup's buildBackup (canonical JSON, sha256 of the data) for every table of AppDb, and
// checked with the app's own restore validation (inspectBackup against the app's restore target)
// before a benchmark uses it, so the restore screen accepts it.
import { buildBackup, inspectBackup, type BackupData } from '@shared/backup';
import { APP_VERSION, restoreTarget } from '../../renderer/src/db/safety/backup';
import { AppDb } from '../../renderer/src/db/schema';
import { buildRegion, type Region } from './fixtures';

const CREATED_AT = '2026-01-15T08:00:00.000Z';

/** Every table of the app, empty unless the region fills it. */
export function regionData(region: Region): BackupData {
  const target = restoreTarget(new AppDb('bench-backup-target'));
  const filled: Record<string, unknown[]> = {
    organizations: region.organizations,
    people: region.people,
    bodies: region.bodies,
    memberships: region.memberships,
    meetings: region.meetings,
    attendance: region.attendance,
    agendaItems: region.agendaItems,
    resolutions: region.resolutions,
    tasks: region.tasks,
    polls: region.polls,
    ballots: region.ballots,
    plans: region.plans,
    planItems: region.planItems,
    monitoring: region.monitoring,
  };
  const data: BackupData = {};
  for (const t of [...target.tables].sort((a, b) => a.name.localeCompare(b.name)))
    data[t.name] = (filled[t.name] ?? []) as Record<string, unknown>[];
  return data;
}

export interface RegionBackup {
  region: Region;
  text: string;
  bytes: number;
  counts: Record<string, number>;
  schemaVersion: number;
}

/** The backup file of the region; throws the restore's own BackupError if it would be refused. */
export async function regionBackup(
  seed = 2026,
  options: { verify?: boolean } = {},
): Promise<RegionBackup> {
  const region = buildRegion(seed);
  const db = new AppDb('bench-backup-target');
  const { envelope, text } = await buildBackup(regionData(region), {
    appVersion: APP_VERSION,
    schemaVersion: db.verno,
    createdAt: CREATED_AT,
  });
  if (options.verify !== false) await inspectBackup(text, restoreTarget(db));
  return {
    region,
    text,
    bytes: new TextEncoder().encode(text).byteLength,
    counts: envelope.counts,
    schemaVersion: db.verno,
  };
}
