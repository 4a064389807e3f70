import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FundingSource,
  MonitoringRecord,
  MonitoringStatus,
  Plan,
  PlanItem,
} from '@shared/plan';
import { FUNDING_SOURCES, MONITORING_STATUSES } from '@shared/plan';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { db, recordMonitoring, todayIso, useMeetings } from '../../db';
import { formatDate } from '../../i18n/format';
import { parseAmount } from './planFormat';
import { indicatorLabel } from './indicatorLabel';

interface Props {
  plan: Plan;
  item: PlanItem;
  period: number;
  /** The current record, to start from. */
  current?: MonitoringRecord;
  onClose: () => void;
}

export function MonitoringForm({ plan, item, period, current, onClose }: Props) {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const same = current?.period === period ? current : undefined;
  const [year, setYear] = useState(String(period));
  const [status, setStatus] = useState<MonitoringStatus>(current?.status ?? 'inProgress');
  const [fulfilment, setFulfilment] = useState(
    current?.fulfilment === undefined ? '' : String(current.fulfilment),
  );
  const [reason, setReason] = useState(current?.reason ?? '');
  const [actuals, setActuals] = useState<Record<string, string>>(
    Object.fromEntries(
      item.indicators.map((i) => [
        i.id,
        String(same?.indicatorActuals.find((a) => a.indicatorId === i.id)?.value ?? ''),
      ]),
    ),
  );
  const [costs, setCosts] = useState<Record<FundingSource, string>>(
    Object.fromEntries(
      FUNDING_SOURCES.map((s) => [
        s,
        String(same?.actualCosts.find((c) => c.source === s)?.amount ?? ''),
      ]),
    ) as Record<FundingSource, string>,
  );
  const [comment, setComment] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [sourceNote, setSourceNote] = useState('');
  const [reportedBy, setReportedBy] = useState(current?.reportedBy ?? '');
  const [reportedOn, setReportedOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const plannedSources = new Set(
    item.costs.filter((c) => c.year === Number(year)).map((c) => c.source),
  );
  const [allSources, setAllSources] = useState(false);
  const shownSources = FUNDING_SOURCES.filter(
    (s) => allSources || plannedSources.has(s) || costs[s],
  );

  async function submit() {
    const local: Record<string, string> = {};
    const pct = parseAmount(fulfilment);
    if (pct !== undefined && (Number.isNaN(pct) || !Number.isInteger(pct)))
      local.fulfilment = 'plan.errors.percent';
    const indicatorActuals = item.indicators.flatMap((i) => {
      const v = parseAmount(actuals[i.id] ?? '');
      if (v !== undefined && Number.isNaN(v)) local[`actual.${i.id}`] = 'errors.invalid';
      return v === undefined || Number.isNaN(v) ? [] : [{ indicatorId: i.id, value: v }];
    });
    const actualCosts = FUNDING_SOURCES.flatMap((s) => {
      const v = parseAmount(costs[s]);
      if (v !== undefined && Number.isNaN(v)) local[`cost.${s}`] = 'errors.invalid';
      return v === undefined || Number.isNaN(v) ? [] : [{ source: s, amount: v }];
    });
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError(t('errors.validation'));
      return;
    }
    try {
      await recordMonitoring(db, {
        planItemId: item.id,
        period: Number(year),
        status,
        fulfilment: pct,
        reason:
          status === 'notDone' || status === 'postponed' || status === 'cancelled'
            ? reason
            : undefined,
        indicatorActuals,
        actualCosts,
        comment,
        source:
          meetingId || sourceNote
            ? { meetingId: meetingId || undefined, note: sourceNote }
            : undefined,
        reportedBy,
        reportedOn,
      });
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  const years: number[] = [];
  for (let y = plan.periodFrom; y <= plan.periodTo; y++) years.push(y);
  const needsReason = status === 'notDone' || status === 'postponed' || status === 'cancelled';

  return (
    <FormDialog
      title={t('plan.monitoring.formTitle', { code: item.code })}
      isOpen
      onClose={onClose}
      wide
    >
      <p className="muted">{item.title}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <SelectInput
            label={t('plan.period')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectInput
            label={t('plan.monitoring.status')}
            value={status}
            onChange={(v) => setStatus(v as MonitoringStatus)}
            options={MONITORING_STATUSES.map((s) => ({
              value: s,
              label: t(`plan.monitoringStatus.${s}`),
            }))}
          />
          <TextInput
            label={t('plan.monitoring.fulfilment')}
            type="number"
            min={0}
            max={100}
            value={fulfilment}
            onChange={setFulfilment}
            error={errors.fulfilment}
          />
        </div>
        {needsReason && (
          <TextInput
            label={
              status === 'notDone'
                ? t('plan.monitoring.reasonRequired')
                : t('plan.monitoring.reason')
            }
            value={reason}
            onChange={setReason}
            multiline
            required={status === 'notDone'}
            error={errors.reason}
          />
        )}
        {item.indicators.length > 0 && (
          <fieldset className="rules-fieldset">
            <legend>{t('plan.monitoring.indicatorActuals')}</legend>
            <div className="form-grid">
              {item.indicators.map((i) => (
                <TextInput
                  key={i.id}
                  label={indicatorLabel(i)}
                  hint={
                    i.target !== undefined
                      ? t('plan.monitoring.target', { value: i.target })
                      : undefined
                  }
                  value={actuals[i.id] ?? ''}
                  onChange={(v) => setActuals((a) => ({ ...a, [i.id]: v }))}
                  error={errors[`actual.${i.id}`]}
                />
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="rules-fieldset">
          <legend>{t('plan.monitoring.actualCosts')}</legend>
          <div className="form-grid">
            {shownSources.map((s) => (
              <TextInput
                key={s}
                label={t(`plan.fundingSource.${s}`)}
                value={costs[s]}
                onChange={(v) => setCosts((c) => ({ ...c, [s]: v }))}
                error={errors[`cost.${s}`]}
              />
            ))}
          </div>
          {!allSources && (
            <Button variant="ghost" onPress={() => setAllSources(true)}>
              {t('plan.monitoring.otherSources')}
            </Button>
          )}
        </fieldset>
        <TextInput
          label={t('plan.monitoring.comment')}
          value={comment}
          onChange={setComment}
          multiline
        />
        <div className="form-grid">
          <SelectInput
            label={t('plan.monitoring.sourceMeeting')}
            value={meetingId}
            onChange={setMeetingId}
            emptyLabel={t('plan.monitoring.noMeeting')}
            options={[...(meetings ?? [])].reverse().map((m) => ({
              value: m.id,
              label: `${m.body.code} ${m.seq}/${m.year} – ${formatDate(m.date)}`,
            }))}
          />
          <TextInput
            label={t('plan.monitoring.sourceNote')}
            value={sourceNote}
            onChange={setSourceNote}
            placeholder={t('plan.monitoring.sourceNotePlaceholder')}
          />
          <TextInput
            label={t('plan.monitoring.reportedBy')}
            value={reportedBy}
            onChange={setReportedBy}
          />
          <TextInput
            label={t('plan.monitoring.reportedOn')}
            type="date"
            value={reportedOn}
            onChange={setReportedOn}
            error={errors.reportedOn}
          />
        </div>
        <FormError message={formError} />
        <div className="form-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('plan.monitoring.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
