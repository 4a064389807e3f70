import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { addPlanItem, createPlan, saveEvaluationTexts, setEvaluationVersion } from './planRepo';
import { planView } from './planQueries';
import { db, rejection } from '../testDb';

const basePlan = {
  name: 'Komunitní plán sociálních služeb ORP Vizovice 2026–2028',
  territory: ['ORP Vizovice'],
  periodFrom: 2026,
  periodTo: 2028,
  status: 'draft' as const,
};

describe('evaluation texts of a version', () => {
  it('saves the summary, assessments, conclusions and approval; status and old fields stay', async () => {
    const plan = await createPlan(db, basePlan);
    const p1 = await addPlanItem(db, plan.id, undefined, { title: 'Udržení sítě služeb' });
    await setEvaluationVersion(db, plan.id, {
      period: 2026,
      workingGroupId: 'g1',
      status: 'submitted',
      summary: 'Pracovní verze PS1',
    });
    await saveEvaluationTexts(
      db,
      plan.id,
      { period: 2026, workingGroupId: 'g1' },
      {
        summary: '  Pracovní verze PS1, doplněná  ',
        priorityAssessments: { [p1.id]: 'Plní se.', other: '  ' },
        conclusions: 'Převzít odlehčovací službu.',
        annexes: ['Tabulky', ' '],
        approval: { groupDiscussedOn: '2026-11-03', steeringDiscussedOn: '', councilBody: '' },
      },
    );
    const v = (await planView(db, plan.id))!.plan.evaluations![0]!;
    expect(v).toMatchObject({
      status: 'submitted',
      summary: 'Pracovní verze PS1, doplněná',
      priorityAssessments: { [p1.id]: 'Plní se.' },
      conclusions: 'Převzít odlehčovací službu.',
      annexes: ['Tabulky'],
      approval: { groupDiscussedOn: '2026-11-03' },
    });
    expect(v.approval).not.toHaveProperty('steeringDiscussedOn');
    // a later status change keeps the texts
    await setEvaluationVersion(db, plan.id, {
      period: 2026,
      workingGroupId: 'g1',
      status: 'discussed',
    });
    const after = (await planView(db, plan.id))!.plan.evaluations![0]!;
    expect(after.conclusions).toBe('Převzít odlehčovací službu.');
    expect(after.status).toBe('discussed');
  });

  it('refuses a bad date, an unknown decision and an overlong text, saving nothing', async () => {
    const plan = await createPlan(db, basePlan);
    const e = await rejection(
      saveEvaluationTexts(
        db,
        plan.id,
        { period: 2026, workingGroupId: '' },
        {
          conclusions: 'x'.repeat(20_001),
          approval: {
            councilDate: '2026-02-30',
            councilDecision: 'maybe' as 'noted',
          },
        },
      ),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(Object.keys((e as ValidationError).fields).sort()).toEqual([
      'approval.councilDate',
      'approval.councilDecision',
      'conclusions',
    ]);
    expect((await planView(db, plan.id))!.plan.evaluations).toBeUndefined();
  });
});
