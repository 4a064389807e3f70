import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEvaluation } from '@shared/plan';
import { UNFINISHED_STATUSES } from '@shared/plan';

import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { TextInput, FormFooter } from '../../components/fields';
import { db, startNextPlan, type PlanView } from '../../db';
import { StatusChip } from './StatusChip';

export function NextPlanDialog({
  view,
  evaluation,
  onClose,
}: {
  view: PlanView;
  evaluation: PlanEvaluation;
  onClose: (newPlanId?: string) => void;
}) {
  const { t } = useTranslation();
  const { plan } = view;
  const length = plan.periodTo - plan.periodFrom;
  const from = plan.periodTo + 1;
  const [name, setName] = useState(
    plan.name.replace(`${plan.periodFrom}–${plan.periodTo}`, `${from}–${from + length}`),
  );
  const [periodFrom, setPeriodFrom] = useState(String(from));
  const [periodTo, setPeriodTo] = useState(String(from + length));
  const candidates = evaluation.activities;
  const [chosen, setChosen] = useState<Set<string>>(
    () =>
      new Set(
        candidates.filter((a) => UNFINISHED_STATUSES.includes(a.status)).map((a) => a.item.id),
      ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit() {
    try {
      const next = await startNextPlan(
        db,
        plan.id,
        {
          name,
          territory: plan.territory,
          periodFrom: Number(periodFrom),
          periodTo: Number(periodTo),
          status: 'draft',
          workingGroupIds: plan.workingGroupIds,
          levelNames: plan.levelNames,
          vision: plan.vision,
          mission: plan.mission,
        },
        [...chosen],
      );
      onClose(next.id);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog title={t('plan.next.title')} isOpen onClose={() => onClose()} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted">{t('plan.next.intro', { year: evaluation.period })}</p>
        <TextInput
          label={t('plan.fields.name')}
          value={name}
          onChange={setName}
          error={errors.name}
          autoFocus
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
        </div>
        <fieldset className="rules-fieldset">
          <legend>{t('plan.next.carry', { count: chosen.size })}</legend>
          <ul className="carry-list">
            {candidates.map((a) => (
              <li key={a.item.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(a.item.id)}
                    onChange={(e) =>
                      setChosen((s) => {
                        const n = new Set(s);
                        if (e.target.checked) n.add(a.item.id);
                        else n.delete(a.item.id);
                        return n;
                      })
                    }
                  />
                  <span className="mono">{a.item.code}</span> {a.item.title}
                </label>
                <StatusChip status={a.status} fulfilment={a.record?.fulfilment} />
              </li>
            ))}
          </ul>
        </fieldset>
        <FormFooter
          error={formError}
          onCancel={() => onClose()}
          submitLabel={t('plan.next.create')}
        />
      </form>
    </FormDialog>
  );
}
