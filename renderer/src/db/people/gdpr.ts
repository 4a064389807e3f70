// Personal data duties (GDPR) per person: consent, an export of everything stored about the
// person, anonymization that keeps every count and vote result, and the retention list.
import { consentSchema } from '@shared/backup';
import type { Person } from '@shared/domain';
import type { z } from 'zod';
import { nowIso, todayIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import type { AppDb } from '../schema';

export const ANONYMIZED_KEY = 'gdpr.anonymized';
export const RETENTION_KEY = 'retentionYears';
export const DEFAULT_RETENTION_YEARS = 3;
/** Stored data, not UI text: minutes and lists show the anonymized person this way in any language. */
export const ANONYMOUS_FIRST_NAME = 'Anonymizovaný člen';
export const anonymousLastName = (n: number) => `č. ${n}`;

export type ConsentInput = z.input<typeof consentSchema>;

/** Records (or with null withdraws) the person's consent to processing their data. */
export async function setConsent(
  db: AppDb,
  personId: string,
  input: ConsentInput | null,
): Promise<void> {
  const consent = input === null ? null : parseOrThrow(consentSchema, input);
  await db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new DomainError('errors.notFound');
    const next: Person = { ...person, updatedAt: nowIso() };
    if (consent)
      next.consent = {
        date: consent.date,
        scope: consent.scope.trim(),
        ...(consent.note?.trim() ? { note: consent.note.trim() } : {}),
      };
    else delete next.consent;
    await db.people.put(next);
  });
}

async function anonymizedRegistry(db: AppDb): Promise<Record<string, number>> {
  const value = (await db.settings.get(ANONYMIZED_KEY))?.value;
  return value && typeof value === 'object' ? { ...(value as Record<string, number>) } : {};
}

export async function isAnonymized(db: AppDb, personId: string): Promise<boolean> {
  return Object.hasOwn(await anonymizedRegistry(db), personId);
}

/**
 * Replaces name, title and contacts with "Anonymizovaný člen č. N" in one transaction. The
 * person's id, organization, triad role, memberships, attendance and ballots stay, so every
 * count, attendance statistic and vote result is unchanged. N is stable: anonymizing the same
 * person again keeps their number, and numbers are never reused.
 */
export async function anonymizePerson(db: AppDb, personId: string): Promise<number> {
  return db.transaction('rw', db.people, db.settings, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new DomainError('errors.notFound');
    const registry = await anonymizedRegistry(db);
    const n = registry[personId] ?? Math.max(0, ...Object.values(registry)) + 1;
    registry[personId] = n;
    const next: Person = {
      id: person.id,
      firstName: ANONYMOUS_FIRST_NAME,
      lastName: anonymousLastName(n),
      triadRole: person.triadRole,
      createdAt: person.createdAt,
      updatedAt: nowIso(),
    };
    if (person.organizationId) next.organizationId = person.organizationId;
    if (person.archivedAt) next.archivedAt = person.archivedAt;
    await db.people.put(next);
    await db.settings.put({ key: ANONYMIZED_KEY, value: registry });
    return n;
  });
}

function mentions(value: unknown, id: string): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === id) return true;
    if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

export interface PersonExport {
  exportedAt: string;
  person: Person;
  organization?: Record<string, unknown>;
  anonymized: boolean;
  /** Every other record that refers to the person, by table (memberships, attendance, tasks, …). */
  records: Record<string, Record<string, unknown>[]>;
}

/** Everything stored about one person, found by scanning every table for their id. */
export async function exportPersonData(db: AppDb, personId: string): Promise<PersonExport> {
  return db.transaction('r', db.tables, async () => {
    const person = await db.people.get(personId);
    if (!person) throw new DomainError('errors.notFound');
    const records: Record<string, Record<string, unknown>[]> = {};
    for (const table of db.tables) {
      if (table.name === 'people') continue;
      const rows = (await table.toArray()) as Record<string, unknown>[];
      const hits = rows.filter((r) => mentions(r, personId));
      if (hits.length) records[table.name] = hits;
    }
    const organization = person.organizationId
      ? ((await db.organizations.get(person.organizationId)) as Record<string, unknown> | undefined)
      : undefined;
    return {
      exportedAt: nowIso(),
      person,
      ...(organization ? { organization } : {}),
      anonymized: await isAnonymized(db, personId),
      records,
    };
  });
}

export interface InactivePerson {
  person: Person;
  /** ISO day of the last attendance, membership or meeting role; the record's creation if none. */
  lastActivity: string;
}

/** People (not yet anonymized) without any activity in the last `years` years. */
export async function inactivePeople(
  db: AppDb,
  years: number,
  today = todayIso(),
): Promise<InactivePerson[]> {
  const [people, memberships, attendance, meetings, registry] = await Promise.all([
    db.people.toArray(),
    db.memberships.toArray(),
    db.attendance.toArray(),
    db.meetings.toArray(),
    anonymizedRegistry(db),
  ]);
  const last = new Map<string, string>();
  const touch = (id: string | undefined, day: string | undefined) => {
    if (id && day && (last.get(id) ?? '') < day) last.set(id, day);
  };
  const meetingDate = new Map(meetings.map((m) => [m.id, m.date]));
  for (const a of attendance) {
    touch(a.personId, meetingDate.get(a.meetingId));
    touch(a.substituteId, meetingDate.get(a.meetingId));
  }
  for (const m of memberships) {
    touch(m.personId, m.to ?? today);
    touch(m.substituteId, m.to ?? today);
  }
  for (const m of meetings)
    for (const id of [m.chairId, m.minuteTakerId, m.verifierId]) touch(id, m.date);
  const [y, mo, d] = today.split('-');
  const cutoff = `${Number(y) - years}-${mo}-${d}`;
  return people
    .filter((p) => !Object.hasOwn(registry, p.id))
    .map((p) => ({ person: p, lastActivity: last.get(p.id) ?? p.createdAt.slice(0, 10) }))
    .filter((x) => x.lastActivity < cutoff)
    .sort((a, b) => a.lastActivity.localeCompare(b.lastActivity));
}
