// The community plan (DOMAIN.md §5–§6): plan → priority → measure → activity, yearly
// monitoring of every activity, and the evaluation (revision) with its comment log.
// Schema messages are i18n keys (errors.* shared with the app, plan.errors.* of this feature).
import { z } from 'zod';
import type { Stored, Timestamps } from '../domain/common';
import { isoDate, isSafeText, optionalText, requiredText } from '../domain/common';

export const PLAN_STATUSES = ['draft', 'approved', 'closed'] as const; // návrh / schválený / ukončený
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Item levels: 1 priority (or goal), 2 measure, 3 activity. Names are configurable per plan. */
export const PLAN_LEVELS = [1, 2, 3] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** Types of social services under zákon 108/2006 Sb. (§ 37–70), DOMAIN.md §2.5. */
export const SERVICE_TYPES = [
  's37',
  's39',
  's40',
  's41',
  's42',
  's43',
  's44',
  's45',
  's46',
  's47',
  's48',
  's49',
  's50',
  's51',
  's52',
  's54',
  's55',
  's56',
  's57',
  's58',
  's59',
  's60',
  's60a',
  's61',
  's62',
  's63',
  's64',
  's65',
  's66',
  's67',
  's68',
  's69',
  's70',
  'related',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_FORMS = ['residential', 'outpatient', 'field'] as const; // pobytová / ambulantní / terénní
export type ServiceForm = (typeof SERVICE_FORMS)[number];

export const FUNDING_SOURCES = [
  'mpsv',
  'region',
  'municipality',
  'users',
  'esf',
  'irop',
  'foundation',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Status vocabulary of DOMAIN.md §6.2. */
export const MONITORING_STATUSES = [
  'notStarted',
  'inProgress',
  'done',
  'partial',
  'notDone',
  'cancelled',
  'postponed',
] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

export const TARGET_GROUP_SUGGESTIONS = [
  'senioři',
  'osoby se zdravotním postižením',
  'pečující osoby',
  'rodiny s dětmi',
  'děti a mládež',
  'osoby ohrožené sociálním vyloučením',
  'osoby bez přístřeší',
  'osoby v krizi',
] as const;

const year = z
  .number('errors.integer')
  .int('errors.integer')
  .min(1990, 'errors.invalid')
  .max(2100, 'errors.invalid');
const money = z
  .number('errors.integer')
  .min(0, 'errors.nonNegative')
  .max(10_000_000_000, 'errors.tooLarge');
const textList = (max: number) =>
  z
    .array(z.string().trim().max(max, 'errors.tooLong').refine(isSafeText, 'errors.unsafeText'))
    .default([])
    .transform((xs) => [...new Set(xs.filter((x) => x.length > 0))]);
const idList = z
  .array(z.string().min(1))
  .default([])
  .transform((xs) => [...new Set(xs)]);

export const approvalInput = z.object({
  /** "Zastupitelstvo města Vizovice" */
  body: requiredText(200),
  date: isoDate,
  /** "ZM/12/2025/7" */
  resolution: optionalText(100),
});
export type ApprovalInput = z.input<typeof approvalInput>;
export type Approval = Stored<z.output<typeof approvalInput>>;

export const levelNames = z.object({
  1: requiredText(40),
  2: requiredText(40),
  3: requiredText(40),
});
export type LevelNames = z.output<typeof levelNames>;

export const planInput = z
  .object({
    name: requiredText(300),
    /** ORP, micro-regions, municipalities. */
    territory: textList(200),
    periodFrom: year,
    periodTo: year,
    vision: optionalText(4000),
    mission: optionalText(4000),
    status: z.enum(PLAN_STATUSES, 'errors.required'),
    approvals: z.array(approvalInput).default([]),
    /** Bodies (working groups) taking part. */
    workingGroupIds: idList,
    levelNames: levelNames.default({ 1: 'Priorita', 2: 'Opatření', 3: 'Aktivita' }),
  })
  .refine((p) => p.periodTo >= p.periodFrom, {
    message: 'plan.errors.periodOrder',
    path: ['periodTo'],
  })
  .refine((p) => p.periodTo - p.periodFrom <= 10, {
    message: 'plan.errors.periodLength',
    path: ['periodTo'],
  });
export type PlanInput = z.input<typeof planInput>;

/** A date field a form may leave empty (''). */
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional());

/**
 * What people write into one version of the evaluation (the plan's evaluation tab), printed in the
 * report: the group's summary, an assessment per priority, conclusions, the report's method and
 * sources, and the approval block filled in by hand or here. All optional: older data has none.
 */
export const evaluationTextsInput = z.object({
  summary: optionalText(8000),
  /** Priority id → written assessment of that priority. */
  priorityAssessments: z
    .record(z.string().min(1), z.string().trim().max(8000, 'errors.tooLong'))
    .default({})
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v.length > 0))),
  conclusions: optionalText(20000),
  method: optionalText(4000),
  dataSources: optionalText(1000),
  preparedBy: optionalText(200),
  /** Extra annexes, one per line in the form. */
  annexes: z
    .array(z.string().trim().max(300, 'errors.tooLong'))
    .default([])
    .transform((xs) => xs.filter((x) => x.length > 0)),
  approval: z
    .object({
      /** The working group discussed its working version (working-group versions). */
      groupDiscussedOn: optionalDate,
      steeringDiscussedOn: optionalDate,
      /** "ŘS 5/2026/3" */
      steeringResolution: optionalText(100),
      /** "Zastupitelstvo města Vizovice" */
      councilBody: optionalText(200),
      councilDate: optionalDate,
      /** "ZM/3/2027/12" */
      councilResolution: optionalText(100),
      /** The council approves it or takes note of it (DOMAIN.md §6.4). */
      councilDecision: z.enum(['approved', 'noted']).optional(),
    })
    .prefault({}),
});
export type EvaluationTextsInput = z.input<typeof evaluationTextsInput>;
export type EvaluationTexts = z.output<typeof evaluationTextsInput>;
export type EvaluationApproval = Partial<EvaluationTexts['approval']>;

/** A working group's version of the evaluation for one period (DOMAIN.md §6.1, Vizovice revision). */
export interface EvaluationVersion extends Partial<Omit<EvaluationTexts, 'summary' | 'approval'>> {
  approval?: EvaluationApproval;
  period: number;
  /** The working group, or '' for the whole plan. */
  workingGroupId: string;
  status: 'draft' | 'submitted' | 'discussed';
  summary?: string;
  discussedAt?: string;
  discussedBy?: string;
  updatedAt: string;
}

export interface Plan extends Stored<z.output<typeof planInput>>, Timestamps {
  id: string;
  /** The plan this one was started from (revision → next plan). */
  previousPlanId?: string;
  evaluations?: EvaluationVersion[];
}

export const costLine = z.object({
  year,
  source: z.enum(FUNDING_SOURCES, 'errors.required'),
  amount: money,
});
export type CostLine = z.output<typeof costLine>;

export const indicatorInput = z.object({
  id: z.string().min(1),
  name: requiredText(200),
  unit: optionalText(40),
  target: z
    .number('errors.integer')
    .min(0, 'errors.nonNegative')
    .max(1e12, 'errors.tooLarge')
    .optional(),
});
export type Indicator = Stored<z.output<typeof indicatorInput>>;

/** Title and card of an item. Priorities and measures use title/description only. */
export const planItemInput = z
  .object({
    title: requiredText(400),
    /** A code the user typed instead of the generated one ("S 1.1"). */
    codeOverride: z
      .string()
      .trim()
      .max(20, 'errors.tooLong')
      .refine(isSafeText, 'errors.unsafeText')
      .optional()
      .transform((v) => (v ? v : undefined)),
    description: optionalText(4000),
    need: optionalText(2000),
    targetGroups: textList(120),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    serviceForms: z.array(z.enum(SERVICE_FORMS)).default([]),
    implementerIds: idList,
    partnerIds: idList,
    territory: optionalText(400),
    scheduleFrom: year.optional(),
    scheduleTo: year.optional(),
    costs: z.array(costLine).default([]),
    indicators: z.array(indicatorInput).default([]),
    risks: optionalText(2000),
    workingGroupId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine(
    (i) =>
      i.scheduleFrom === undefined || i.scheduleTo === undefined || i.scheduleTo >= i.scheduleFrom,
    {
      message: 'plan.errors.periodOrder',
      path: ['scheduleTo'],
    },
  );
export type PlanItemInput = z.input<typeof planItemInput>;
export type PlanItemCard = Stored<z.output<typeof planItemInput>>;

export interface AgendaLink {
  meetingId: string;
  agendaItemId: string;
  linkedAt: string;
}

export interface PlanItem extends PlanItemCard, Timestamps {
  id: string;
  planId: string;
  /** Absent on priorities. */
  parentId?: string;
  level: PlanLevel;
  /** Position among siblings, 1-based. */
  order: number;
  /** Display code "1.2.3", derived (numbering.ts) unless overridden. */
  code: string;
  /** Codes the item had before it was renumbered, oldest first. */
  formerCodes: string[];
  /** Carried over from an activity of the previous plan. */
  originItemId?: string;
  originCode?: string;
  /** Agenda items of meetings that discussed this activity. */
  agendaLinks?: AgendaLink[];
}

export const monitoringSource = z.object({
  meetingId: z.string().optional(),
  resolutionId: z.string().optional(),
  /** Free-text reference: "usnesení ŘS 4/2026/2", "e-mail realizátora". */
  note: optionalText(300),
});
export type MonitoringSource = Stored<z.output<typeof monitoringSource>>;

export const monitoringInput = z
  .object({
    planItemId: z.string('errors.required').min(1, 'errors.required'),
    period: year,
    status: z.enum(MONITORING_STATUSES, 'errors.required'),
    fulfilment: z
      .number('errors.integer')
      .int('errors.integer')
      .min(0, 'plan.errors.percent')
      .max(100, 'plan.errors.percent')
      .optional(),
    reason: optionalText(2000),
    indicatorActuals: z
      .array(
        z.object({
          indicatorId: z.string().min(1),
          value: z.number().min(0, 'errors.nonNegative'),
        }),
      )
      .default([]),
    actualCosts: z.array(z.object({ source: z.enum(FUNDING_SOURCES), amount: money })).default([]),
    comment: optionalText(4000),
    source: monitoringSource.optional(),
    reportedBy: optionalText(200),
    reportedOn: isoDate,
  })
  .refine((m) => m.status !== 'notDone' || !!m.reason, {
    message: 'plan.errors.reasonRequired',
    path: ['reason'],
  });
export type MonitoringInput = z.input<typeof monitoringInput>;

export interface MonitoringRecord
  extends Stored<Omit<z.output<typeof monitoringInput>, 'source'>>, Timestamps {
  id: string;
  planId: string;
  source?: MonitoringSource;
}

export interface EvaluationComment extends Timestamps {
  id: string;
  planId: string;
  /** Absent for a comment on the version as a whole. */
  planItemId?: string;
  period: number;
  workingGroupId: string;
  author: string;
  text: string;
}

export const evaluationCommentInput = z.object({
  planItemId: z.string().optional(),
  period: year,
  workingGroupId: z.string().default(''),
  author: requiredText(200),
  text: requiredText(4000),
});
export type EvaluationCommentInput = z.input<typeof evaluationCommentInput>;

/** The status an activity gets with no monitoring record. */
export type StatusOrNone = MonitoringStatus | 'none';
