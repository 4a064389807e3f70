// The registry of record schemas a backup is validated with, one entry per table.
//
// Validation is of the STORED shape (id, createdAt, updatedAt, numbering fields …): the zod
// input schemas of shared/domain are reused for the fields a person types, intersected with
// the fields repositories add. Unknown extra fields are allowed (other versions of the app
// add optional fields); their strings are still size-checked by the generic walk.
//
// Tables NOT listed here (plans, planItems, monitoring, evaluationComments, polls, ballots
// and whatever a later version adds) are still backed up and restored: they are validated as
// plain JSON objects with a non-empty string `id`. To validate such a table strictly, add an
// entry to RECORD_SCHEMAS with its stored schema and the schema version that introduced it,
// and its references to REFERENCES below.
import { z } from 'zod';
import {
  agendaItemInput,
  amendmentInput,
  attendanceInput,
  bodyInput,
  discussionText,
  meetingInput,
  membershipInput,
  MINUTES_STATUSES,
  organizationInput,
  personInput,
  resolutionInput,
  TASK_STATUSES,
} from '../domain';

const recordId = z.string('errors.required').min(1, 'errors.required').max(200, 'errors.tooLong');
const timestamp = z.string('errors.required').regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'errors.date');
const meta = z.looseObject({ id: recordId, createdAt: timestamp, updatedAt: timestamp });
const archivable = z.looseObject({ archivedAt: timestamp.optional() });
const int = z.number('errors.integer').int('errors.integer');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid');

/** Consent to processing personal data, stored on the person (GDPR). */
export const consentSchema = z.strictObject({
  date: z.string('errors.required').regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date'),
  scope: z.string('errors.required').trim().min(1, 'errors.required').max(500, 'errors.tooLong'),
  note: z.string().max(2000, 'errors.tooLong').optional(),
});

export interface TableSpec {
  /** Schema version (AppDb.verno) that introduced the table: a backup of that version or later must contain it. */
  since: number;
  schema: z.ZodType;
}

export const RECORD_SCHEMAS: Record<string, TableSpec> = {
  organizations: { since: 1, schema: meta.and(archivable).and(organizationInput) },
  people: {
    since: 1,
    schema: meta
      .and(archivable)
      .and(personInput)
      .and(z.looseObject({ consent: consentSchema.optional() })),
  },
  bodies: { since: 1, schema: meta.and(archivable).and(bodyInput) },
  memberships: { since: 1, schema: meta.and(membershipInput) },
  meetings: {
    since: 1,
    schema: meta.and(meetingInput).and(
      z.looseObject({
        seq: int.min(1, 'errors.invalid'),
        year: int.min(1900, 'errors.invalid').max(3000, 'errors.invalid'),
        minutesStatus: z.enum(MINUTES_STATUSES).optional(),
      }),
    ),
  },
  attendance: { since: 1, schema: meta.and(attendanceInput) },
  settings: { since: 1, schema: z.strictObject({ key: recordId, value: z.unknown() }) },
  agendaItems: {
    since: 2,
    schema: meta.and(agendaItemInput).and(
      z.looseObject({
        meetingId: recordId,
        order: int.min(1, 'errors.invalid'),
        discussion: discussionText,
        elapsedMs: z.number().min(0, 'errors.nonNegative'),
      }),
    ),
  },
  resolutions: {
    since: 2,
    schema: meta.and(resolutionInput).and(
      z.looseObject({
        meetingId: recordId,
        bodyId: recordId,
        agendaItemId: recordId,
        seq: int.min(1, 'errors.invalid'),
        number: z.string().max(100, 'errors.tooLong'),
        outcome: z.enum(['passed', 'rejected', 'tie', 'noQuorum', 'noVote']),
      }),
    ),
  },
  tasks: {
    since: 2,
    schema: meta.and(
      z.looseObject({
        text: z.string().min(1, 'errors.required').max(1000, 'errors.tooLong'),
        bodyId: recordId,
        meetingId: recordId,
        seq: int.min(1, 'errors.invalid'),
        number: z.string().max(100, 'errors.tooLong'),
        status: z.enum(TASK_STATUSES),
        reviews: z.array(
          z.looseObject({ meetingId: recordId, status: z.enum(TASK_STATUSES), at: z.string() }),
        ),
      }),
    ),
  },
  amendments: {
    since: 2,
    schema: meta.and(amendmentInput).and(
      z.looseObject({
        meetingId: recordId,
        author: z.string().max(200, 'errors.tooLong'),
        at: z.string(),
      }),
    ),
  },
  agendaTemplates: {
    since: 2,
    schema: meta.and(
      z.looseObject({
        bodyId: recordId,
        name: z.string().min(1, 'errors.required').max(200, 'errors.tooLong'),
        items: z.array(z.looseObject({ title: z.string().max(300, 'errors.tooLong') })),
      }),
    ),
  },
  audit: {
    since: 2,
    schema: z.looseObject({
      id: recordId,
      table: z.string().min(1).max(100),
      recordId: recordId,
      op: z.enum(['create', 'update', 'delete', 'seal', 'restore']),
      at: timestamp,
      user: z.string().max(200, 'errors.tooLong').optional(),
      // The hash chain (renderer/src/db/audit.ts); absent on entries written before it.
      n: int.min(0, 'errors.invalid').optional(),
      prev: sha256.optional(),
      covers: z.array(sha256).max(10_000, 'errors.tooMany').optional(),
      side: z.literal(true).optional(),
      hash: sha256.optional(),
    }),
  },
};

/** Tables without a registered schema: any object with a string id. */
export const GENERIC_RECORD = z.looseObject({ id: recordId });

export function schemaFor(table: string): z.ZodType {
  return Object.hasOwn(RECORD_SCHEMAS, table) ? RECORD_SCHEMAS[table]!.schema : GENERIC_RECORD;
}

/**
 * References a backup must keep: "attendance.personId → people". Checked only when the field
 * holds a value and both tables are in the file. Listed are the references the repositories
 * guarantee (a person with attendance is archived, never deleted, and so on).
 */
export const REFERENCES: readonly { table: string; field: string; target: string }[] = [
  { table: 'people', field: 'organizationId', target: 'organizations' },
  { table: 'memberships', field: 'bodyId', target: 'bodies' },
  { table: 'memberships', field: 'personId', target: 'people' },
  { table: 'memberships', field: 'substituteId', target: 'people' },
  { table: 'meetings', field: 'bodyId', target: 'bodies' },
  { table: 'attendance', field: 'meetingId', target: 'meetings' },
  { table: 'attendance', field: 'personId', target: 'people' },
  { table: 'attendance', field: 'substituteId', target: 'people' },
  { table: 'agendaItems', field: 'meetingId', target: 'meetings' },
  { table: 'resolutions', field: 'meetingId', target: 'meetings' },
  { table: 'resolutions', field: 'bodyId', target: 'bodies' },
  { table: 'tasks', field: 'bodyId', target: 'bodies' },
  { table: 'tasks', field: 'meetingId', target: 'meetings' },
  { table: 'amendments', field: 'meetingId', target: 'meetings' },
  { table: 'agendaTemplates', field: 'bodyId', target: 'bodies' },
  { table: 'ballots', field: 'pollId', target: 'polls' },
];
