import Dexie, { type EntityTable } from 'dexie';
import type { Attendance, Body, Meeting, Membership, Organization, Person } from '@shared/domain';

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
  }
}

export const db = new AppDb();
