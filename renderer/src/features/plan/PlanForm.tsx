import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalInput, Plan, PlanInput, PlanStatus } from '@shared/plan';
import { PLAN_STATUSES } from '@shared/plan';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { CheckboxInput, FormError, SelectInput, TextInput } from '../../components/fields';
import { createPlan, db, updatePlan, useBodies } from '../../db';

interface Props {
  plan?: Plan;
  onClose: (saved?: Plan) => void;
}

const thisYear = new Date().getFullYear();

export function PlanForm({ plan, onClose }: Props) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const [name, setName] = useState(plan?.name ?? '');
  const [territory, setTerritory] = useState(plan?.territory.join('\n') ?? '');
  const [periodFrom, setPeriodFrom] = useState(String(plan?.periodFrom ?? thisYear));
  const [periodTo, setPeriodTo] = useState(String(plan?.periodTo ?? thisYear + 2));
  const [vision, setVision] = useState(plan?.vision ?? '');
  const [mission, setMission] = useState(plan?.mission ?? '');
  const [status, setStatus] = useState<PlanStatus>(plan?.status ?? 'draft');
  const [approvals, setApprovals] = useState<ApprovalInput[]>(
    plan?.approvals.map((a) => ({ ...a, resolution: a.resolution ?? '' })) ?? [],
  );
  const [groups, setGroups] = useState<string[]>(plan?.workingGroupIds ?? []);
  const [levels, setLevels] = useState({
    1: plan?.levelNames[1] ?? 'Priorita',
    2: plan?.levelNames[2] ?? 'Opatření',
    3: plan?.levelNames[3] ?? 'Aktivita',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit() {
    const input: PlanInput = {
      name,
      territory: territory.split(/\n|;/),
      periodFrom: Number(periodFrom),
      periodTo: Number(periodTo),
      vision,
      mission,
      status,
      approvals,
      workingGroupIds: groups,
      levelNames: levels,
    };
    try {
      if (plan) {
        await updatePlan(db, plan.id, input);
        onClose(plan);
      } else onClose(await createPlan(db, input));
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  const setApproval = (i: number, patch: Partial<ApprovalInput>) =>
    setApprovals((xs) => xs.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <FormDialog title={plan ? t('plan.edit') : t('plan.add')} isOpen onClose={() => onClose()} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          label={t('plan.fields.name')}
          value={name}
          onChange={setName}
          error={errors.name}
          autoFocus
          required
          placeholder={t('plan.fields.namePlaceholder')}
        />
        <div className="form-grid">
          <TextInput
            label={t('plan.fields.periodFrom')}
            type="number"
            value={periodFrom}
            onChange={setPeriodFrom}
            error={errors.periodFrom}
          />
          <TextInput
            label={t('plan.fields.periodTo')}
            type="number"
            value={periodTo}
            onChange={setPeriodTo}
            error={errors.periodTo}
          />
          <SelectInput
            label={t('plan.fields.status')}
            value={status}
            onChange={(v) => setStatus(v as PlanStatus)}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
          />
        </div>
        <TextInput
          label={t('plan.fields.territory')}
          value={territory}
          onChange={setTerritory}
          multiline
          hint={t('plan.fields.territoryHint')}
        />
        <TextInput
          label={t('plan.fields.vision')}
          value={vision}
          onChange={setVision}
          multiline
          error={errors.vision}
        />
        <TextInput
          label={t('plan.fields.mission')}
          value={mission}
          onChange={setMission}
          multiline
          error={errors.mission}
        />

        <fieldset className="rules-fieldset">
          <legend>{t('plan.fields.approvals')}</legend>
          {approvals.length === 0 && <p className="muted small">{t('plan.fields.noApprovals')}</p>}
          {approvals.map((a, i) => (
            <div key={i} className="approval-row">
              <TextInput
                label={t('plan.fields.approvalBody')}
                value={a.body}
                onChange={(v) => setApproval(i, { body: v })}
                error={errors[`approvals.${i}.body`]}
              />
              <TextInput
                label={t('plan.fields.approvalDate')}
                type="date"
                value={a.date}
                onChange={(v) => setApproval(i, { date: v })}
                error={errors[`approvals.${i}.date`]}
              />
              <TextInput
                label={t('plan.fields.approvalResolution')}
                value={a.resolution ?? ''}
                onChange={(v) => setApproval(i, { resolution: v })}
              />
              <Button
                variant="ghost"
                aria-label={t('plan.fields.removeApproval', { n: i + 1 })}
                onPress={() => setApprovals((xs) => xs.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </div>
          ))}
          <Button
            variant="ghost"
            onPress={() => setApprovals((xs) => [...xs, { body: '', date: '', resolution: '' }])}
          >
            + {t('plan.fields.addApproval')}
          </Button>
        </fieldset>

        <fieldset className="rules-fieldset">
          <legend>{t('plan.fields.workingGroups')}</legend>
          <div className="check-columns">
            {(bodies ?? []).map((b) => (
              <CheckboxInput
                key={b.id}
                label={`${b.code} – ${b.name}`}
                checked={groups.includes(b.id)}
                onChange={(on) =>
                  setGroups((g) => (on ? [...g, b.id] : g.filter((x) => x !== b.id)))
                }
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="rules-fieldset">
          <legend>{t('plan.fields.levelNames')}</legend>
          <div className="form-grid">
            {([1, 2, 3] as const).map((l) => (
              <TextInput
                key={l}
                label={t(`plan.fields.level${l}`)}
                value={levels[l]}
                onChange={(v) => setLevels((x) => ({ ...x, [l]: v }))}
                error={errors[`levelNames.${l}`]}
              />
            ))}
          </div>
        </fieldset>
        <FormError message={formError} />
        <div className="form-actions">
          <Button onPress={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
