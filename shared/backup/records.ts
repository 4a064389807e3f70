// The registry of record schemas a backup is validated with, one entry per table.
//
// Validation is of the STORED shape (id, createdAt, updatedAt, numbering fields …): the zod
// input schemas of shared/domain are reused for the fields a person types, intersected with
// the fields repositories add. Unknown extra fields are allowed (other versions of the app
// add optional fields); their strings are still size-checked by the generic walk.
//
// Every table of the database has an entry: a backup is validated with the same zod schemas
// the repositories use, so a restore lets in exactly what the app itself would write. A new
// table needs an entry here (a test fails until it has one) and its references below.
// Polls and their ballots are also checked against each other (pollConsistency.ts).
import { z } from 'zod';
import {
  evaluationCommentInput,
  monitoringInput,
  PLAN_LEVELS,
  planInput,
  planItemInput,
} from '../plan/model';
import { BallotSchema, EntitlementSnapshotSchema, PollSchema } from '../voting';
import {
  agendaItemInput,
  amendmentInput,
  attendanceInput,
  bodyInput,
  discussionText,
  isSecretBallot,
  meetingDocumentsInput,
  meetingInput,
  membershipInput,
  MINUTES_STATUSES,
  organizationInput,
  personInput,
  POLL_STATUSES,
  resolutionInput,
  resolutionResultInput,
  safeString,
  projectSettings,
  SETTING_SCHEMAS,
  TASK_STATUSES,
} from '../domain';
import { decodeBytes } from './bytes';

const recordId = z.string('errors.required').min(1, 'errors.required').max(200, 'errors.tooLong');
/** An ISO instant as the app writes it (toISOString), and a real date: "zítra" or 2026-13-45 are refused. */
export const timestamp = z
  .string('errors.required')
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'errors.date')
  .refine(isRealInstant, 'errors.date');

/**
 * The calendar and clock fields of a "YYYY-MM-DDTHH:MM:SS…Z" string name a real instant (no
 * 30 February, no 24:00). Arithmetic only: every record has two of these, and building Date
 * objects for each was most of a big restore's check.
 */
export function isRealInstant(s: string): boolean {
  const n = (from: number, to: number) => Number(s.slice(from, to));
  const year = n(0, 4);
  const month = n(5, 7);
  const day = n(8, 10);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days && n(11, 13) <= 23 && n(14, 16) <= 59 && n(17, 19) <= 59;
}
const meta = z.looseObject({ id: recordId, createdAt: timestamp, updatedAt: timestamp });
const archivable = z.looseObject({ archivedAt: timestamp.optional() });
const int = z.number('errors.integer').int('errors.integer');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid');

/** Consent to processing personal data, stored on the person (GDPR). */
export const consentSchema = z.strictObject({
  date: z.string('errors.required').regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date'),
  scope: safeString().trim().min(1, 'errors.required').max(500, 'errors.tooLong'),
  note: safeString().max(2000, 'errors.tooLong').optional(),
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
    schema: meta
      .and(meetingInput)
      .and(meetingDocumentsInput)
      .and(
        z.looseObject({
          seq: int.min(1, 'errors.invalid'),
          year: int.min(1900, 'errors.invalid').max(3000, 'errors.invalid'),
          minutesStatus: z.enum(MINUTES_STATUSES).optional(),
        }),
      ),
  },
  attendance: { since: 1, schema: meta.and(attendanceInput) },
  settings: {
    since: 1,
    schema: z.strictObject({ key: recordId, value: z.unknown() }).superRefine((s, ctx) => {
      // The same schemas the app reads and writes settings with (shared/domain/settings.ts): a
      // restored value the app cannot read would crash the screen that shows it. Settings of
      // other keys (a later version's) are kept and only go through the generic checks.
      // Reading tolerates a damaged logo (drops it); a restore refuses it.
      const schemas: Record<string, z.ZodType> = { ...SETTING_SCHEMAS, project: projectSettings };
      const schema = Object.hasOwn(schemas, s.key) ? schemas[s.key] : undefined;
      const parsed = schema?.safeParse(decodeBytes(s.value));
      if (parsed && !parsed.success) {
        const first = parsed.error.issues[0]!;
        ctx.addIssue({
          code: 'custom',
          path: ['value', ...first.path.map(String)],
          message: first.message,
        });
      }
    }),
  },
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
    schema: meta.and(resolutionInput.omit({ result: true })).and(
      z.looseObject({
        // 'poll': decided by an option poll, whose result is stored on the poll.
        result: z.union([resolutionResultInput, z.strictObject({ kind: z.literal('poll') })]),
        pollId: recordId.optional(),
        meetingId: recordId,
        bodyId: recordId,
        agendaItemId: recordId,
        seq: int.min(1, 'errors.invalid'),
        number: z.string().max(100, 'errors.tooLong'),
        outcome: z.enum(['passed', 'rejected', 'tie', 'noQuorum', 'noVote', 'publicResult']),
      }),
    ),
  },
  tasks: {
    since: 2,
    schema: meta.and(
      z.looseObject({
        text: safeString().min(1, 'errors.required').max(1000, 'errors.tooLong'),
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
        author: safeString().max(200, 'errors.tooLong'),
        at: timestamp,
      }),
    ),
  },
  agendaTemplates: {
    since: 2,
    schema: meta.and(
      z.looseObject({
        bodyId: recordId,
        name: safeString().min(1, 'errors.required').max(200, 'errors.tooLong'),
        items: z.array(z.looseObject({ title: safeString().max(300, 'errors.tooLong') })),
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
      user: safeString().max(200, 'errors.tooLong').optional(),
      // The hash chain (renderer/src/db/safety/audit.ts); absent on entries written before it.
      n: int.min(0, 'errors.invalid').optional(),
      prev: sha256.optional(),
      covers: z.array(sha256).max(10_000, 'errors.tooMany').optional(),
      side: z.literal(true).optional(),
      hash: sha256.optional(),
    }),
  },
  polls: {
    since: 2,
    schema: meta.and(
      z.looseObject({
        meetingId: recordId,
        bodyId: recordId,
        agendaItemId: recordId,
        title: safeString().trim().min(1, 'errors.required').max(300, 'errors.tooLong'),
        secret: z.boolean(),
        anonymous: z.boolean().optional(),
        receipts: z.array(recordId).max(10_000, 'errors.tooMany').optional(),
        status: z.enum(POLL_STATUSES),
        options: z
          .array(z.strictObject({ id: recordId, label: safeString().max(200, 'errors.tooLong') }))
          .max(40, 'errors.tooMany'),
        definition: PollSchema,
        voters: z.array(recordId),
        openedAt: timestamp.optional(),
        closedAt: timestamp.optional(),
        snapshot: EntitlementSnapshotSchema.optional(),
        result: z.looseObject({ method: z.string() }).optional(),
        resolutionId: recordId.optional(),
      }),
    ),
  },
  ballots: {
    since: 2,
    // A secret ballot stores no time (its time is the poll's closing); every other ballot does.
    schema: z
      .looseObject({
        id: recordId,
        createdAt: timestamp.optional(),
        updatedAt: timestamp.optional(),
        pollId: recordId,
        source: z.enum(['hand', 'rollCall', 'kiosk', 'phone']),
        ballot: BallotSchema,
      })
      .refine((b) => isSecretBallot(b.ballot) || (b.createdAt && b.updatedAt), {
        message: 'errors.required',
        path: ['createdAt'],
      }),
  },
  plans: {
    since: 2,
    schema: meta.and(planInput).and(
      z.looseObject({
        previousPlanId: recordId.optional(),
        evaluations: z.array(z.looseObject({})).optional(),
      }),
    ),
  },
  planItems: {
    since: 2,
    schema: meta.and(planItemInput).and(
      z.looseObject({
        planId: recordId,
        parentId: recordId.optional(),
        level: z.union(PLAN_LEVELS.map((l) => z.literal(l))),
        order: int.min(1, 'errors.invalid'),
        code: safeString().max(40, 'errors.tooLong'),
        formerCodes: z.array(safeString().max(40, 'errors.tooLong')),
      }),
    ),
  },
  monitoring: {
    since: 2,
    schema: meta.and(monitoringInput).and(z.looseObject({ planId: recordId })),
  },
  evaluationComments: {
    since: 2,
    schema: meta.and(evaluationCommentInput).and(z.looseObject({ planId: recordId })),
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
  { table: 'resolutions', field: 'agendaItemId', target: 'agendaItems' },
  { table: 'resolutions', field: 'pollId', target: 'polls' },
  { table: 'tasks', field: 'ownerId', target: 'people' },
  { table: 'polls', field: 'meetingId', target: 'meetings' },
  { table: 'polls', field: 'bodyId', target: 'bodies' },
  { table: 'polls', field: 'agendaItemId', target: 'agendaItems' },
  { table: 'polls', field: 'resolutionId', target: 'resolutions' },
  { table: 'planItems', field: 'planId', target: 'plans' },
  { table: 'planItems', field: 'parentId', target: 'planItems' },
  { table: 'monitoring', field: 'planId', target: 'plans' },
  { table: 'monitoring', field: 'planItemId', target: 'planItems' },
  { table: 'evaluationComments', field: 'planId', target: 'plans' },
  { table: 'evaluationComments', field: 'planItemId', target: 'planItems' },
];
