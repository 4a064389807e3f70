import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringRecord, PlanEvaluation, PlanItem } from '@shared/plan';
import { Button } from '../../components/Button';
import { RowButton } from '../../components/RowButton';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxInput } from '../../components/fields';
import { db, removeMonitoring, useMeetings, type PlanView } from '../../db';
import { formatDate } from '../../i18n/format';
import { MonitoringForm } from './MonitoringForm';
import { formatMoney } from './planFormat';
import { StatusChip } from './StatusChip';
import { levelName } from './levelName';

export function MonitoringTab({
  view,
  evaluation,
  period,
}: {
  view: PlanView;
  evaluation: PlanEvaluation;
  period: number;
}) {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const [onlyStale, setOnlyStale] = useState(false);
  const [reporting, setReporting] = useState<PlanItem | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const meetingLabel = new Map(
    (meetings ?? []).map((m) => [m.id, `${m.body.code} ${m.seq}/${m.year}`]),
  );
  const bodyCode = new Map(view.bodies.map((b) => [b.id, b.code]));
  // Records by activity in one pass (newest first, as in the view), not a scan per row.
  const historyOf = useMemo(() => {
    const out = new Map<string, MonitoringRecord[]>();
    for (const r of view.monitoring) {
      const list = out.get(r.planItemId);
      if (list) list.push(r);
      else out.set(r.planItemId, [r]);
    }
    return out;
  }, [view.monitoring]);
  const rows = evaluation.activities.filter((a) => !onlyStale || a.stale);
  const staleCount = evaluation.activities.filter((a) => a.stale).length;
  const current = reporting
    ? evaluation.activities.find((a) => a.item.id === reporting.id)?.record
    : undefined;

  if (evaluation.activities.length === 0)
    return (
      <EmptyState>
        {t('plan.monitoring.noActivities', { level: levelName(view.plan, 3) })}
      </EmptyState>
    );

  return (
    <>
      <div className="toolbar">
        <CheckboxInput
          label={t('plan.monitoring.onlyStale', { count: staleCount, year: period })}
          checked={onlyStale}
          onChange={setOnlyStale}
        />
      </div>
      <table className="data-table monitoring-table" aria-label={t('plan.tabs.monitoring')}>
        <thead>
          <tr>
            <th scope="col">{t('plan.table.code')}</th>
            <th scope="col">{levelName(view.plan, 3)}</th>
            <th scope="col">{t('plan.table.group')}</th>
            <th scope="col">{t('plan.monitoring.statusIn', { year: period })}</th>
            <th scope="col">{t('plan.monitoring.lastUpdate')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const history = historyOf.get(a.item.id) ?? [];
            return (
              <Fragment key={a.item.id}>
                <tr className={a.stale ? 'is-stale' : ''}>
                  <td className="mono">{a.item.code}</td>
                  <td>{a.item.title}</td>
                  <td>{bodyCode.get(a.workingGroupId) ?? ''}</td>
                  <td>
                    <StatusChip status={a.status} fulfilment={a.record?.fulfilment} />
                    {a.record && !a.updatedThisPeriod && (
                      <div className="muted small">
                        {t('plan.monitoring.fromYear', { year: a.record.period })}
                      </div>
                    )}
                  </td>
                  <td className="small">
                    {a.record ? (
                      <>
                        {formatDate(a.record.reportedOn)}
                        {a.record.reportedBy && <div className="muted">{a.record.reportedBy}</div>}
                      </>
                    ) : (
                      <span className="muted">{t('plan.monitoring.never')}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {history.length > 0 && (
                      <RowButton
                        aria-expanded={open === a.item.id}
                        onClick={() => setOpen(open === a.item.id ? null : a.item.id)}
                      >
                        {t('plan.monitoring.history', { count: history.length })}
                      </RowButton>
                    )}
                    <RowButton
                      variant="secondary"
                      onClick={() => setReporting(a.item)}
                      aria-label={t('plan.monitoring.recordFor', { code: a.item.code })}
                    >
                      {t('plan.monitoring.record')}
                    </RowButton>
                  </td>
                </tr>
                {open === a.item.id && (
                  <tr className="history-row">
                    <td colSpan={6}>
                      <ol className="history-list">
                        {history.map((r) => (
                          <li key={r.id}>
                            <div className="history-head">
                              <strong>{r.period}</strong>{' '}
                              <StatusChip status={r.status} fulfilment={r.fulfilment} />
                              <span className="muted small">
                                {formatDate(r.reportedOn)}
                                {r.reportedBy && ` · ${r.reportedBy}`}
                                {r.source?.meetingId &&
                                  ` · ${t('plan.monitoring.atMeeting', { meeting: meetingLabel.get(r.source.meetingId) ?? '' })}`}
                                {r.source?.note && ` · ${r.source.note}`}
                              </span>
                              <Button
                                variant="ghost"
                                aria-label={t('plan.monitoring.removeRecord')}
                                onPress={() => setRemoving(r.id)}
                              >
                                ✕
                              </Button>
                            </div>
                            {r.reason && (
                              <p className="small">
                                <strong>{t('plan.monitoring.reason')}:</strong> {r.reason}
                              </p>
                            )}
                            {r.comment && <p className="small">{r.comment}</p>}
                            {r.actualCosts.length > 0 && (
                              <p className="small muted">
                                {r.actualCosts
                                  .map(
                                    (c) =>
                                      `${t(`plan.fundingSource.${c.source}`)}: ${formatMoney(c.amount)}`,
                                  )
                                  .join(' · ')}
                              </p>
                            )}
                            {r.indicatorActuals.length > 0 && (
                              <p className="small muted">
                                {r.indicatorActuals
                                  .map((v) => {
                                    const ind = a.item.indicators.find(
                                      (i) => i.id === v.indicatorId,
                                    );
                                    return ind
                                      ? `${ind.name}: ${v.value}${ind.target !== undefined ? ` / ${ind.target}` : ''}${ind.unit ? ` ${ind.unit}` : ''}`
                                      : '';
                                  })
                                  .join(' · ')}
                              </p>
                            )}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {reporting && (
        <MonitoringForm
          plan={view.plan}
          item={reporting}
          period={period}
          current={current}
          onClose={() => setReporting(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('plan.monitoring.removeRecord')}
          text={t('plan.monitoring.removeRecordText')}
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            await removeMonitoring(db, removing);
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
