import Dexie, { type EntityTable } from 'dexie';
import { attendanceId, membershipId } from '@shared/sync/ids';
import { auditMiddleware } from './safety/audit';
import { markFromSync, outboxMiddleware } from './sync/outbox';
import type {
  AgendaItem,
  Amendment,
  Attendance,
  BallotRecord,
  Body,
  Meeting,
  Membership,
  Organization,
  Person,
  PollRecord,
  Resolution,
  Task,
} from '@shared/domain';

/** A body's reusable programme: titles and kinds in order. */
export interface AgendaTemplate {
  id: string;
  bodyId: string;
  name: string;
  items: { title: string; kind: AgendaItem['kind']; plannedMinutes?: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The one IndexedDB database of Triáda. Versions are only ever appended: a landed version
 * is never edited, and every upgrade() has a test that opens a database of the version before.
 */
export class AppDb extends Dexie {
  organizations!: EntityTable<Organization, 'id'>;
  people!: EntityTable<Person, 'id'>;
  bodies!: EntityTable<Body, 'id'>;
  memberships!: EntityTable<Membership, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  attendance!: EntityTable<Attendance, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  agendaItems!: EntityTable<AgendaItem, 'id'>;
  resolutions!: EntityTable<Resolution, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  amendments!: EntityTable<Amendment, 'id'>;
  agendaTemplates!: EntityTable<AgendaTemplate, 'id'>;
  polls!: EntityTable<PollRecord, 'id'>;
  ballots!: EntityTable<BallotRecord, 'id'>;

  constructor(name = 'triada') {
    super(name);
    this.version(1).stores({
      organizations: 'id, name, ico, kind',
      people: 'id, lastName, organizationId, triadRole',
      bodies: 'id, code, kind',
      memberships: 'id, bodyId, personId, substituteId, [bodyId+personId]',
      meetings: 'id, bodyId, date, [bodyId+year]',
      attendance: 'id, meetingId, personId, substituteId, &[meetingId+personId]',
      settings: 'key',
    });
    // v2: the meeting room (agenda, resolutions, tasks, amendments, templates), polls and
    // ballots, the community plan and its monitoring, and the audit trail. New tables only:
    // no upgrade() is needed, older meetings read as draft minutes.
    this.version(2).stores({
      agendaItems: 'id, meetingId',
      resolutions: 'id, meetingId, agendaItemId, bodyId',
      tasks: 'id, bodyId, meetingId, ownerId, status, deadline',
      amendments: 'id, meetingId',
      agendaTemplates: 'id, bodyId',
      polls: 'id, meetingId, agendaItemId, status',
      ballots: 'id, pollId',
      plans: 'id, status',
      planItems: 'id, planId, parentId',
      monitoring: 'id, planItemId, planId, period',
      evaluationComments: 'id, planId, planItemId',
      audit: 'id, recordId, table, at',
    });
    // v3: sync across laptops (docs/sync.md). The outbox and the sync bookkeeping, local to this
    // laptop; attendance and memberships get ids derived from their natural keys so that two
    // laptops recording the same thing create one record.
    this.version(3)
      .stores({
        outbox: 'key, at',
        syncRevs: 'key',
        syncState: 'key',
        syncConflicts: 'key, table',
      })
      .upgrade(async (tx) => {
        markFromSync(tx);
        await rekey(tx.table('attendance'), (a) =>
          attendanceId(String(a.meetingId), String(a.personId)),
        );
        await rekey(tx.table('memberships'), (m) =>
          membershipId(String(m.bodyId), String(m.personId), String(m.from)),
        );
      });
    // Audit trail of meeting-room and plan records, written in the same transaction (audit.ts).
    this.use(auditMiddleware(this));
    // The sync outbox, also in the same transaction (outbox.ts).
    this.use(outboxMiddleware());
  }
}

/** Gives every record of a table the id `idOf` derives from it (nothing else refers to these ids). */
async function rekey(
  table: Dexie.Table<Record<string, unknown>, string>,
  idOf: (r: Record<string, unknown>) => string,
): Promise<void> {
  const rows = await table.toArray();
  const moved = rows.filter((r) => r.id !== idOf(r));
  if (!moved.length) return;
  await table.bulkDelete(moved.map((r) => String(r.id)));
  await table.bulkAdd(moved.map((r) => ({ ...r, id: idOf(r) })));
}

export const db = new AppDb();
