import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '@shared/plan';
import { parseCsv } from '@shared/plan/parseCsv';
import { createBody } from '../people/bodies';
import type { DomainError } from '../errors';
import { ValidationError } from '../errors';
import {
  addEvaluationComment,
  addPlanItem,
  createPlan,
  deletePlan,
  importPlanStructure,
  linkAgendaItemToActivities,
  movePlanItem,
  planTables,
  recordMonitoring,
  removePlanItem,
  setEvaluationVersion,
  startNextPlan,
  updatePlan,
  updatePlanItem,
} from './planRepo';
import { activitiesForAgendaItem, listPlans, planView } from './planQueries';
import { DEFAULT_RULES } from '@shared/domain';
import { db, rejection } from '../testDb';

const basePlan = {
  name: 'Komunitní plán sociálních služeb ORP Vizovice 2026–2028',
  territory: ['ORP Vizovice'],
  periodFrom: 2026,
  periodTo: 2028,
  status: 'draft' as const,
};

async function tree() {
  const plan = await createPlan(db, basePlan);
  const p1 = await addPlanItem(db, plan.id, undefined, { title: 'Udržení sítě služeb' });
  const m11 = await addPlanItem(db, plan.id, p1.id, { title: 'Terénní služby' });
  const a111 = await addPlanItem(db, plan.id, m11.id, {
    title: 'Pečovatelská služba',
    indicators: [{ id: 'i1', name: 'uživatelé', unit: 'osob', target: 120 }],
    costs: [{ year: 2026, source: 'mpsv', amount: 1_200_000 }],
  });
  const a112 = await addPlanItem(db, plan.id, m11.id, { title: 'Odlehčovací služba' });
  return { plan, p1, m11, a111, a112 };
}

describe('plans', () => {
  it('validates the plan: period order and required name', async () => {
    const e = await rejection(createPlan(db, { ...basePlan, name: ' ', periodTo: 2025 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({
      name: 'errors.required',
      periodTo: 'plan.errors.periodOrder',
    });
    expect(await planTables(db).plans.count()).toBe(0);
  });

  it('stores approvals and default level names', async () => {
    const plan = await createPlan(db, {
      ...basePlan,
      approvals: [
        { body: 'Zastupitelstvo města Vizovice', date: '2025-12-10', resolution: 'ZM/12/2025/7' },
      ],
    });
    expect(plan.levelNames).toEqual({ 1: 'Priorita', 2: 'Opatření', 3: 'Aktivita' });
    expect(plan.approvals[0]!.resolution).toBe('ZM/12/2025/7');
    await updatePlan(db, plan.id, {
      ...basePlan,
      status: 'approved',
      levelNames: { 1: 'Cíl', 2: 'Opatření', 3: 'Aktivita' },
    });
    const [row] = await listPlans(db);
    expect(row!.status).toBe('approved');
    expect(row!.levelNames[1]).toBe('Cíl');
  });
});

describe('plan items', () => {
  it('generates codes and keeps former codes after renumbering an approved plan', async () => {
    const { plan, m11, a111, a112 } = await tree();
    const t = planTables(db);
    expect((await t.items.get(a112.id))!.code).toBe('1.1.2');
    await updatePlan(db, plan.id, { ...basePlan, status: 'approved' });
    await movePlanItem(db, a112.id, -1);
    expect((await t.items.get(a112.id))!).toMatchObject({ code: '1.1.1', formerCodes: ['1.1.2'] });
    expect((await t.items.get(a111.id))!).toMatchObject({ code: '1.1.2', formerCodes: ['1.1.1'] });
    await updatePlanItem(db, m11.id, { title: 'Terénní služby', codeOverride: 'S 1.1' });
    expect((await t.items.get(a111.id))!.code).toBe('S 1.1.2');
  });

  it('an activity cannot have sub-items; a monitored item cannot be removed', async () => {
    const { plan, a111, p1 } = await tree();
    expect(
      ((await rejection(addPlanItem(db, plan.id, a111.id, { title: 'x' }))) as DomainError).code,
    ).toBe('plan.errors.activityHasNoChildren');
    await recordMonitoring(db, {
      planItemId: a111.id,
      period: 2026,
      status: 'inProgress',
      reportedOn: '2026-06-01',
    });
    expect(((await rejection(removePlanItem(db, p1.id))) as DomainError).code).toBe(
      'plan.errors.hasMonitoring',
    );
    expect(await planTables(db).items.count()).toBe(4);
  });

  it('removing an item removes its sub-items and closes the gap', async () => {
    const { plan, p1 } = await tree();
    const p2 = await addPlanItem(db, plan.id, undefined, { title: 'Druhá priorita' });
    expect(p2.code).toBe('2');
    await removePlanItem(db, p1.id);
    const view = await planView(db, plan.id);
    expect(view!.items.map((i) => i.code)).toEqual(['1']);
  });
});

describe('monitoring', () => {
  it('requires a reason for "not fulfilled" and a period inside the plan', async () => {
    const { a111, m11 } = await tree();
    const e = await rejection(
      recordMonitoring(db, {
        planItemId: a111.id,
        period: 2026,
        status: 'notDone',
        reportedOn: '2026-12-01',
      }),
    );
    expect((e as ValidationError).fields).toEqual({ reason: 'plan.errors.reasonRequired' });
    const outside = await rejection(
      recordMonitoring(db, {
        planItemId: a111.id,
        period: 2030,
        status: 'done',
        reportedOn: '2030-12-01',
      }),
    );
    expect((outside as DomainError).code).toBe('plan.errors.periodOutside');
    const notActivity = await rejection(
      recordMonitoring(db, {
        planItemId: m11.id,
        period: 2026,
        status: 'done',
        reportedOn: '2026-12-01',
      }),
    );
    expect((notActivity as DomainError).code).toBe('plan.errors.notAnActivity');
    expect(await planTables(db).monitoring.count()).toBe(0);
  });

  it('keeps history; the latest record is current; source and actuals are stored', async () => {
    const { plan, a111 } = await tree();
    await recordMonitoring(db, {
      planItemId: a111.id,
      period: 2026,
      status: 'inProgress',
      fulfilment: 40,
      reportedOn: '2026-05-01',
    });
    const last = await recordMonitoring(db, {
      planItemId: a111.id,
      period: 2026,
      status: 'done',
      indicatorActuals: [
        { indicatorId: 'i1', value: 131 },
        { indicatorId: 'unknown', value: 1 },
      ],
      actualCosts: [
        { source: 'mpsv', amount: 1_150_000 },
        { source: 'users', amount: 0 },
      ],
      source: { meetingId: 'm-1', resolutionId: 'r-1' },
      reportedBy: 'Mgr. Jana Nováková',
      reportedOn: '2026-12-01',
    });
    expect(last.indicatorActuals).toEqual([{ indicatorId: 'i1', value: 131 }]);
    expect(last.actualCosts).toEqual([{ source: 'mpsv', amount: 1_150_000 }]);
    expect(last.source).toEqual({ meetingId: 'm-1', resolutionId: 'r-1' });
    const view = (await planView(db, plan.id))!;
    expect(view.monitoring).toHaveLength(2);
    const e = evaluatePlan(view.items, view.monitoring, 2026);
    expect(e.activities[0]!.status).toBe('done');
    expect(e.activities[1]!.status).toBe('none');
    expect(e.costs).toEqual({ planned: 1_200_000, actual: 1_150_000 });
  });

  it('links an agenda item to activities (replacing earlier links)', async () => {
    const { a111, a112, m11 } = await tree();
    await linkAgendaItemToActivities(db, {
      meetingId: 'm1',
      agendaItemId: 'ag1',
      activityIds: [a111.id, a112.id],
    });
    await linkAgendaItemToActivities(db, {
      meetingId: 'm1',
      agendaItemId: 'ag1',
      activityIds: [a112.id],
    });
    const rows = await activitiesForAgendaItem(db, 'ag1');
    expect(rows.map((r) => [r.item.code, r.linked])).toEqual([
      ['1.1.1', false],
      ['1.1.2', true],
    ]);
    const e = await rejection(
      linkAgendaItemToActivities(db, {
        meetingId: 'm1',
        agendaItemId: 'ag1',
        activityIds: [m11.id],
      }),
    );
    expect((e as DomainError).code).toBe('plan.errors.notAnActivity');
  });
});

describe('structure import', () => {
  it('imports a CSV, resolving groups and creating unknown implementers', async () => {
    await createBody(db, { kind: 'working', code: 'PS1', name: 'Senioři', rules: DEFAULT_RULES });
    const plan = await createPlan(db, basePlan);
    const rows = parseCsv(
      'Kód;Název;Realizátor;Pracovní skupina;Náklady\n1;Senioři;;PS1;\n1.1;Odlehčení;;;\n1.1.1;Kapacita odlehčovací služby;Charita Vizovice;;350 000\n',
    );
    const r = await importPlanStructure(db, plan.id, rows);
    expect(r).toEqual({ ok: true, items: 3, organizationsCreated: 1 });
    const view = (await planView(db, plan.id))!;
    expect(view.items.map((i) => i.code)).toEqual(['1', '1.1', '1.1.1']);
    expect(view.items[0]!.workingGroupId).toBe(view.bodies[0]!.id);
    expect(view.items[2]!.implementerIds).toEqual([view.organizations[0]!.id]);
    expect(view.items[2]!.costs).toHaveLength(3);
    // a second import into a plan that has a structure is refused
    expect(((await rejection(importPlanStructure(db, plan.id, rows))) as DomainError).code).toBe(
      'plan.errors.importIntoEmpty',
    );
  });

  it('one bad row: nothing is written and the row is reported', async () => {
    const plan = await createPlan(db, basePlan);
    const rows = parseCsv(
      'Kód;Název;Realizátor\n1;Senioři;\n1.1;;\n1.1.1;Aktivita;Nová organizace\n',
    );
    const r = await importPlanStructure(db, plan.id, rows);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.row, e.key])).toEqual([
        [3, 'plan.importErrors.noTitle'],
        [4, 'plan.importErrors.noParent'],
      ]);
    expect(await planTables(db).items.count()).toBe(0);
    expect(await db.organizations.count()).toBe(0);
  });
});

describe('evaluation and the next plan', () => {
  it('keeps a comment log and version status per working group', async () => {
    const { plan, a111 } = await tree();
    await addEvaluationComment(db, plan.id, {
      planItemId: a111.id,
      period: 2026,
      workingGroupId: 'g1',
      author: 'Ing. Karel Svoboda',
      text: 'Doplnit počet hodin.',
    });
    await setEvaluationVersion(db, plan.id, {
      period: 2026,
      workingGroupId: 'g1',
      status: 'submitted',
      summary: 'Pracovní verze PS1',
    });
    await setEvaluationVersion(db, plan.id, {
      period: 2026,
      workingGroupId: 'g1',
      status: 'discussed',
      by: 'ŘS',
    });
    const view = (await planView(db, plan.id))!;
    expect(view.comments.map((c) => c.author)).toEqual(['Ing. Karel Svoboda']);
    expect(view.plan.evaluations).toHaveLength(1);
    expect(view.plan.evaluations![0]).toMatchObject({
      status: 'discussed',
      summary: 'Pracovní verze PS1',
      discussedBy: 'ŘS',
    });
    const e = await rejection(
      addEvaluationComment(db, plan.id, { period: 2026, author: '', text: 'x' }),
    );
    expect((e as ValidationError).fields).toEqual({ author: 'errors.required' });
  });

  it('starts the next plan with chosen unfinished activities linked to their origin', async () => {
    const { plan, a112 } = await tree();
    const next = await startNextPlan(
      db,
      plan.id,
      { ...basePlan, name: 'KPSS 2029–2031', periodFrom: 2029, periodTo: 2031 },
      [a112.id],
    );
    const view = (await planView(db, next.id))!;
    expect(view.previousPlan?.id).toBe(plan.id);
    expect(view.items.map((i) => [i.code, i.originCode])).toEqual([
      ['1', '1'],
      ['1.1', '1.1'],
      ['1.1.1', '1.1.2'],
    ]);
    expect(view.items[2]!.originItemId).toBe(a112.id);
    await deletePlan(db, next.id);
    expect(await planTables(db).items.where('planId').equals(next.id).count()).toBe(0);
  });
});
