import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, Organization } from '@shared/domain';
import type {
  CostLine,
  FundingSource,
  Plan,
  PlanItem,
  PlanItemInput,
  PlanLevel,
  ServiceForm,
  ServiceType,
} from '@shared/plan';
import {
  FUNDING_SOURCES,
  SERVICE_FORMS,
  SERVICE_TYPES,
  TARGET_GROUP_SUGGESTIONS,
} from '@shared/plan';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { CheckboxInput, FormError, SelectInput, TextInput } from '../../components/fields';
import { addPlanItem, db, updatePlanItem } from '../../db';
import { parseAmount } from './planFormat';
import { levelName } from './levelName';

interface Props {
  plan: Plan;
  bodies: Body[];
  organizations: Organization[];
  /** Editing an existing item, or adding one under `parent` (undefined = a priority). */
  item?: PlanItem;
  parent?: PlanItem;
  onClose: () => void;
}

interface CostRow {
  year: string;
  source: FundingSource;
  amount: string;
}
interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  target: string;
}

function OrgPicker({
  label,
  organizations,
  value,
  onChange,
}: {
  label: string;
  organizations: Organization[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const options = organizations
    .filter((o) => !o.archivedAt && !value.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <div className="org-picker">
      <SelectInput
        label={label}
        value=""
        onChange={(id) => id && onChange([...value, id])}
        options={options}
        emptyLabel={t('plan.card.pickOrganization')}
      />
      {value.length > 0 && (
        <ul className="chips" aria-label={label}>
          {value.map((id) => (
            <li key={id} className="chip">
              {byId.get(id)?.name ?? id}
              <button
                type="button"
                aria-label={t('plan.card.removeChip', { name: byId.get(id)?.name ?? id })}
                onClick={() => onChange(value.filter((x) => x !== id))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ItemForm({ plan, bodies, organizations, item, parent, onClose }: Props) {
  const { t } = useTranslation();
  const level: PlanLevel = item?.level ?? (parent ? ((parent.level + 1) as PlanLevel) : 1);
  const thisLevel = levelName(plan, level);
  const [title, setTitle] = useState(item?.title ?? '');
  const [codeOverride, setCodeOverride] = useState(item?.codeOverride ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [need, setNeed] = useState(item?.need ?? '');
  const [targetGroups, setTargetGroups] = useState((item?.targetGroups ?? []).join('; '));
  const [serviceType, setServiceType] = useState<string>(item?.serviceType ?? '');
  const [serviceForms, setServiceForms] = useState<ServiceForm[]>(item?.serviceForms ?? []);
  const [implementerIds, setImplementerIds] = useState(item?.implementerIds ?? []);
  const [partnerIds, setPartnerIds] = useState(item?.partnerIds ?? []);
  const [territory, setTerritory] = useState(item?.territory ?? '');
  const [scheduleFrom, setScheduleFrom] = useState(
    item?.scheduleFrom ? String(item.scheduleFrom) : String(plan.periodFrom),
  );
  const [scheduleTo, setScheduleTo] = useState(
    item?.scheduleTo ? String(item.scheduleTo) : String(plan.periodTo),
  );
  const [costs, setCosts] = useState<CostRow[]>(
    (item?.costs ?? []).map((c) => ({
      year: String(c.year),
      source: c.source,
      amount: String(c.amount),
    })),
  );
  const [indicators, setIndicators] = useState<IndicatorRow[]>(
    (item?.indicators ?? []).map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit ?? '',
      target: i.target === undefined ? '' : String(i.target),
    })),
  );
  const [risks, setRisks] = useState(item?.risks ?? '');
  const [workingGroupId, setWorkingGroupId] = useState(item?.workingGroupId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const isActivity = level === 3;

  async function submit() {
    const localErrors: Record<string, string> = {};
    const costLines: CostLine[] = [];
    costs.forEach((c, i) => {
      const amount = parseAmount(c.amount);
      if (amount === undefined || Number.isNaN(amount))
        localErrors[`costs.${i}.amount`] = 'errors.invalid';
      else costLines.push({ year: Number(c.year), source: c.source, amount });
    });
    const inds = indicators.map((r, i) => {
      const target = parseAmount(r.target);
      if (target !== undefined && Number.isNaN(target))
        localErrors[`indicators.${i}.target`] = 'errors.invalid';
      return {
        id: r.id,
        name: r.name,
        unit: r.unit,
        target: target === undefined || Number.isNaN(target) ? undefined : target,
      };
    });
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setFormError(t('errors.validation'));
      return;
    }
    const input: PlanItemInput = {
      title,
      codeOverride,
      description,
      workingGroupId,
      ...(level === 1 ? { targetGroups: targetGroups.split(/[;,]/) } : {}),
      ...(isActivity
        ? {
            need,
            targetGroups: targetGroups.split(/[;,]/),
            serviceType: (serviceType || undefined) as ServiceType | undefined,
            serviceForms,
            implementerIds,
            partnerIds,
            territory,
            scheduleFrom: scheduleFrom ? Number(scheduleFrom) : undefined,
            scheduleTo: scheduleTo ? Number(scheduleTo) : undefined,
            costs: costLines,
            indicators: inds,
            risks,
          }
        : {}),
    };
    try {
      if (item) await updatePlanItem(db, item.id, input);
      else await addPlanItem(db, plan.id, parent?.id, input);
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  const years: string[] = [];
  for (let y = plan.periodFrom; y <= plan.periodTo; y++) years.push(String(y));
  const title_ = item
    ? t('plan.card.editTitle', { level: thisLevel, code: item.code })
    : t('plan.card.addTitle', { level: thisLevel });

  return (
    <FormDialog title={title_} isOpen onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="item-form"
      >
        {parent && (
          <p className="muted small">
            {t('plan.card.under', {
              level: levelName(plan, parent.level),
              code: parent.code,
              title: parent.title,
            })}
          </p>
        )}
        <div className="form-grid grid-title">
          <TextInput
            className="span-2"
            label={t('plan.card.title', { level: thisLevel })}
            value={title}
            onChange={setTitle}
            error={errors.title}
            autoFocus
            required
          />
          <TextInput
            label={t('plan.card.code')}
            value={codeOverride}
            onChange={setCodeOverride}
            hint={item ? t('plan.card.codeHint', { code: item.code }) : t('plan.card.codeHintNew')}
            error={errors.codeOverride}
          />
        </div>
        <TextInput
          label={t('plan.card.description')}
          value={description}
          onChange={setDescription}
          multiline
          error={errors.description}
        />
        {isActivity && (
          <TextInput
            label={t('plan.card.need')}
            value={need}
            onChange={setNeed}
            multiline
            hint={t('plan.card.needHint')}
          />
        )}
        <div className="form-grid">
          {(isActivity || level === 1) && (
            <div className="field-wrap span-2">
              <TextInput
                label={t('plan.card.targetGroups')}
                value={targetGroups}
                onChange={setTargetGroups}
                hint={t('plan.card.targetGroupsHint', {
                  examples: TARGET_GROUP_SUGGESTIONS.slice(0, 3).join('; '),
                })}
              />
            </div>
          )}
          <SelectInput
            label={t('plan.card.workingGroup')}
            value={workingGroupId}
            onChange={setWorkingGroupId}
            emptyLabel={t('plan.card.noWorkingGroup')}
            options={bodies
              .filter((b) => !b.archivedAt || b.id === workingGroupId)
              .map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
          />
        </div>
        {isActivity && (
          <>
            <div className="form-grid">
              <SelectInput
                className="span-2"
                label={t('plan.card.serviceType')}
                value={serviceType}
                onChange={setServiceType}
                emptyLabel={t('plan.card.noServiceType')}
                options={SERVICE_TYPES.map((s) => ({
                  value: s,
                  label: t(`plan.serviceType.${s}`),
                }))}
              />
              <fieldset className="inline-checks">
                <legend>{t('plan.card.serviceForm')}</legend>
                {SERVICE_FORMS.map((f) => (
                  <CheckboxInput
                    key={f}
                    label={t(`plan.serviceForm.${f}`)}
                    checked={serviceForms.includes(f)}
                    onChange={(on) =>
                      setServiceForms((xs) => (on ? [...xs, f] : xs.filter((x) => x !== f)))
                    }
                  />
                ))}
              </fieldset>
            </div>
            <div className="form-grid">
              <OrgPicker
                label={t('plan.card.implementers')}
                organizations={organizations}
                value={implementerIds}
                onChange={setImplementerIds}
              />
              <OrgPicker
                label={t('plan.card.partners')}
                organizations={organizations}
                value={partnerIds}
                onChange={setPartnerIds}
              />
            </div>
            <div className="form-grid">
              <TextInput
                className="span-2"
                label={t('plan.card.territory')}
                value={territory}
                onChange={setTerritory}
              />
              <TextInput
                label={t('plan.card.scheduleFrom')}
                type="number"
                value={scheduleFrom}
                onChange={setScheduleFrom}
                error={errors.scheduleFrom}
              />
              <TextInput
                label={t('plan.card.scheduleTo')}
                type="number"
                value={scheduleTo}
                onChange={setScheduleTo}
                error={errors.scheduleTo}
              />
            </div>

            <fieldset className="rules-fieldset">
              <legend>{t('plan.card.costs')}</legend>
              {costs.length > 0 && (
                <table className="mini-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.card.year')}</th>
                      <th scope="col">{t('plan.card.source')}</th>
                      <th scope="col" className="num">
                        {t('plan.card.amount')}
                      </th>
                      <th scope="col">
                        <span className="sr-only">{t('common.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {costs.map((c, i) => (
                      <tr key={i}>
                        <td>
                          <select
                            aria-label={t('plan.card.year')}
                            value={c.year}
                            onChange={(e) =>
                              setCosts((xs) =>
                                xs.map((x, j) => (j === i ? { ...x, year: e.target.value } : x)),
                              )
                            }
                          >
                            {years.map((y) => (
                              <option key={y}>{y}</option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <select
                            aria-label={t('plan.card.source')}
                            value={c.source}
                            onChange={(e) =>
                              setCosts((xs) =>
                                xs.map((x, j) =>
                                  j === i ? { ...x, source: e.target.value as FundingSource } : x,
                                ),
                              )
                            }
                          >
                            {FUNDING_SOURCES.map((s) => (
                              <option key={s} value={s}>
                                {t(`plan.fundingSource.${s}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="num">
                          <input
                            aria-label={t('plan.card.amount')}
                            aria-invalid={errors[`costs.${i}.amount`] ? true : undefined}
                            inputMode="decimal"
                            value={c.amount}
                            onChange={(e) =>
                              setCosts((xs) =>
                                xs.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                              )
                            }
                          />
                        </td>
                        <td>
                          <Button
                            variant="ghost"
                            aria-label={t('plan.card.removeRow')}
                            onPress={() => setCosts((xs) => xs.filter((_, j) => j !== i))}
                          >
                            ✕
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="row-buttons">
                <Button
                  variant="ghost"
                  onPress={() =>
                    setCosts((xs) => [
                      ...xs,
                      {
                        year: years[Math.min(xs.length, years.length - 1)] ?? years[0]!,
                        source: xs.at(-1)?.source ?? 'mpsv',
                        amount: xs.at(-1)?.amount ?? '',
                      },
                    ])
                  }
                >
                  + {t('plan.card.addCost')}
                </Button>
              </div>
            </fieldset>

            <fieldset className="rules-fieldset">
              <legend>{t('plan.card.indicators')}</legend>
              {indicators.map((r, i) => (
                <div key={r.id} className="indicator-row">
                  <TextInput
                    label={t('plan.card.indicatorName')}
                    value={r.name}
                    onChange={(v) =>
                      setIndicators((xs) => xs.map((x, j) => (j === i ? { ...x, name: v } : x)))
                    }
                    error={errors[`indicators.${i}.name`]}
                  />
                  <TextInput
                    label={t('plan.card.indicatorUnit')}
                    value={r.unit}
                    onChange={(v) =>
                      setIndicators((xs) => xs.map((x, j) => (j === i ? { ...x, unit: v } : x)))
                    }
                  />
                  <TextInput
                    label={t('plan.card.indicatorTarget')}
                    value={r.target}
                    onChange={(v) =>
                      setIndicators((xs) => xs.map((x, j) => (j === i ? { ...x, target: v } : x)))
                    }
                    error={errors[`indicators.${i}.target`]}
                  />
                  <Button
                    variant="ghost"
                    aria-label={t('plan.card.removeRow')}
                    onPress={() => setIndicators((xs) => xs.filter((_, j) => j !== i))}
                  >
                    ✕
                  </Button>
                </div>
              ))}
              <div className="row-buttons">
                <Button
                  variant="ghost"
                  onPress={() =>
                    setIndicators((xs) => [
                      ...xs,
                      { id: crypto.randomUUID(), name: '', unit: '', target: '' },
                    ])
                  }
                >
                  + {t('plan.card.addIndicator')}
                </Button>
              </div>
            </fieldset>
            <TextInput label={t('plan.card.risks')} value={risks} onChange={setRisks} multiline />
          </>
        )}
        <FormError message={formError} />
        <div className="form-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
