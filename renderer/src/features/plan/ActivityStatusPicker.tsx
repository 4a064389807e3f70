// Mounted by the meeting room: links the agenda item under discussion to plan activities and
// records their status there, with the meeting (and resolution) as the source.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringStatus } from '@shared/plan';
import { fold } from '@shared/domain';
import { MONITORING_STATUSES } from '@shared/plan';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError } from '../../components/fields';
import {
  db,
  linkAgendaItemToActivities,
  recordMonitoring,
  todayIso,
  useAgendaItemActivities,
} from '../../db';
import { defaultPeriod } from './planFormat';
import { StatusChip } from './StatusChip';

export interface ActivityStatusPickerProps {
  meetingId: string;
  agendaItemId: string;
  /** The resolution the status was agreed in, if any. */
  resolutionId?: string;
  /** Who reports (e.g. the chair); stored with each record. */
  reportedBy?: string;
  /** Called after saving (with the number of statuses recorded) or on cancel (undefined). */
  onDone: (recorded?: number) => void;
}

interface Draft {
  status: MonitoringStatus | '';
  fulfilment: string;
  comment: string;
}

export function ActivityStatusPicker({
  meetingId,
  agendaItemId,
  resolutionId,
  reportedBy,
  onDone,
}: ActivityStatusPickerProps) {
  const { t } = useTranslation();
  const rows = useAgendaItemActivities(agendaItemId);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (rows === undefined) return <p>{t('common.loading')}</p>;
  const chosen = selected ?? new Set(rows.filter((r) => r.linked).map((r) => r.item.id));
  const draftOf = (id: string): Draft => drafts[id] ?? { status: '', fulfilment: '', comment: '' };
  const setDraft = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...draftOf(id), ...patch } }));
  const q = fold(search);
  const visible = rows.filter(
    (r) => chosen.has(r.item.id) || !q || fold(`${r.item.code} ${r.item.title}`).includes(q),
  );

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await linkAgendaItemToActivities(db, { meetingId, agendaItemId, activityIds: [...chosen] });
      let recorded = 0;
      for (const r of rows!) {
        const d = draftOf(r.item.id);
        if (!chosen.has(r.item.id) || !d.status) continue;
        const pct = d.fulfilment.trim() ? Number(d.fulfilment) : undefined;
        await recordMonitoring(db, {
          planItemId: r.item.id,
          period: defaultPeriod(r.plan.periodFrom, r.plan.periodTo),
          status: d.status,
          fulfilment: pct,
          reason:
            d.status === 'notDone' || d.status === 'postponed' || d.status === 'cancelled'
              ? d.comment
              : undefined,
          comment: d.comment,
          source: resolutionId ? { meetingId, resolutionId } : { meetingId },
          reportedBy,
          reportedOn: todayIso(),
        });
        recorded++;
      }
      onDone(recorded);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setError(fields.reason ? t('plan.picker.reasonRequired') : describeError(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="status-picker" aria-label={t('plan.picker.title')}>
      <h3>{t('plan.picker.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('plan.picker.noActivities')}</p>
      ) : (
        <>
          <input
            className="picker-search"
            type="search"
            aria-label={t('plan.picker.search')}
            placeholder={t('plan.picker.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <ul className="picker-list">
            {visible.map((r) => {
              const on = chosen.has(r.item.id);
              const d = draftOf(r.item.id);
              return (
                <li key={r.item.id} className={on ? 'is-on' : ''}>
                  <label className="picker-row">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => {
                        const n = new Set(chosen);
                        if (e.target.checked) n.add(r.item.id);
                        else n.delete(r.item.id);
                        setSelected(n);
                      }}
                    />
                    <span className="mono">{r.item.code}</span>
                    <span className="picker-title">{r.item.title}</span>
                    <StatusChip
                      status={r.latest?.status ?? 'none'}
                      fulfilment={r.latest?.fulfilment}
                    />
                  </label>
                  {on && (
                    <div className="picker-status">
                      <select
                        aria-label={t('plan.picker.newStatus', { code: r.item.code })}
                        value={d.status}
                        onChange={(e) =>
                          setDraft(r.item.id, { status: e.target.value as MonitoringStatus | '' })
                        }
                      >
                        <option value="">{t('plan.picker.keep')}</option>
                        {MONITORING_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`plan.monitoringStatus.${s}`)}
                          </option>
                        ))}
                      </select>
                      <input
                        aria-label={t('plan.picker.percent', { code: r.item.code })}
                        type="number"
                        min={0}
                        max={100}
                        placeholder="%"
                        value={d.fulfilment}
                        onChange={(e) => setDraft(r.item.id, { fulfilment: e.target.value })}
                      />
                      <input
                        className="grow"
                        aria-label={t('plan.picker.comment', { code: r.item.code })}
                        placeholder={
                          d.status === 'notDone'
                            ? t('plan.picker.reasonPlaceholder')
                            : t('plan.picker.commentPlaceholder')
                        }
                        value={d.comment}
                        onChange={(e) => setDraft(r.item.id, { comment: e.target.value })}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <FormError message={error} />
      <div className="form-actions">
        <Button onPress={() => onDone(undefined)}>{t('common.cancel')}</Button>
        <Button variant="primary" isDisabled={busy} onPress={() => void save()}>
          {t('plan.picker.save', { count: chosen.size })}
        </Button>
      </div>
    </section>
  );
}
