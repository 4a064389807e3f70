// "What needs doing today" on the overview (issue 11): one query over meetings, tasks, plans and
// the backup reminder, so the home page shows a short list of things to act on, each with a link.
import { useLiveQuery } from 'dexie-react-hooks';
import { isOverdue } from '@shared/domain';
import type { MonitoringRecord, Plan, PlanItem } from '@shared/plan/model';
import { backupReminder } from './safety/backup';
import { todayIso } from './clock';
import { db as appDb } from './schema';
import type { AppDb } from './schema';

/** Upcoming meetings this many days ahead are checked for an invitation that has not gone out. */
export const INVITATION_HORIZON_DAYS = 30;

interface MeetingRef {
  meetingId: string;
  bodyCode: string;
  seq: number;
  year: number;
  date: string;
}

export type TodayItem =
  | ({ kind: 'verify' } & MeetingRef)
  | ({ kind: 'approve' } & MeetingRef)
  | ({ kind: 'invitation' } & MeetingRef)
  | { kind: 'overdueTasks'; count: number }
  | { kind: 'monitoring'; planId: string; planName: string; period: number; count: number }
  | { kind: 'backup'; days: number | 'never' };

function addDays(day: string, days: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The monitoring period due on `today`: last year's until the end of June, then this year's
 * as well (the yearly monitoring is collected in the second half of the year).
 */
export function monitoringPeriodsDue(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) > 6 ? [year - 1, year] : [year - 1];
}

export async function todayTasks(db: AppDb, today: string, now = new Date()): Promise<TodayItem[]> {
  const [meetings, bodies, tasks, plans, items, monitoring, backup] = await Promise.all([
    db.meetings.toArray(),
    db.bodies.toArray(),
    db.tasks.toArray(),
    db.table<Plan, string>('plans').where('status').equals('approved').toArray(),
    db.table<PlanItem, string>('planItems').toArray(),
    db.table<MonitoringRecord, string>('monitoring').toArray(),
    backupReminder(db, now),
  ]);
  const code = new Map(bodies.map((b) => [b.id, b.code]));
  const ref = (m: (typeof meetings)[number]): MeetingRef => ({
    meetingId: m.id,
    bodyCode: code.get(m.bodyId) ?? '',
    seq: m.seq,
    year: m.year,
    date: m.date,
  });
  const byDate = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const out: TodayItem[] = [];
  for (const m of byDate) {
    if (m.minutesStatus === 'toVerify') out.push({ kind: 'verify', ...ref(m) });
    else if (m.minutesStatus === 'verified') out.push({ kind: 'approve', ...ref(m) });
  }
  const overdue = tasks.filter((t) => isOverdue(t, today)).length;
  if (overdue > 0) out.push({ kind: 'overdueTasks', count: overdue });
  const horizon = addDays(today, INVITATION_HORIZON_DAYS);
  for (const m of byDate) {
    if (m.date >= today && m.date <= horizon && !m.invitationSentOn) {
      out.push({ kind: 'invitation', ...ref(m) });
    }
  }
  const recorded = new Set(monitoring.map((r) => `${r.planItemId}|${r.period}`));
  for (const plan of plans) {
    const activities = items.filter((i) => i.planId === plan.id && i.level === 3);
    for (const period of monitoringPeriodsDue(today)) {
      if (period < plan.periodFrom || period > plan.periodTo) continue;
      const count = activities.filter((a) => !recorded.has(`${a.id}|${period}`)).length;
      if (count > 0) {
        out.push({ kind: 'monitoring', planId: plan.id, planName: plan.name, period, count });
      }
    }
  }
  if (backup !== null) out.push({ kind: 'backup', days: backup });
  return out;
}

export const useTodayTasks = () => useLiveQuery(() => todayTasks(appDb, todayIso()));
