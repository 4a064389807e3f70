import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FulfilmentStats, PlanEvaluation } from '@shared/plan';
import { BUCKETS, FUNDING_SOURCES } from '@shared/plan';
import { EmptyState } from '../../components/EmptyState';
import type { PlanView } from '../../db';
import { BUCKET_COLORS, formatMoney } from './planFormat';
import { StatusChip } from './StatusChip';
import { levelName } from './levelName';

/** A thin stacked bar of the four buckets with the shares as its accessible name. */
function ShareBar({ stats, label }: { stats: FulfilmentStats; label: string }) {
  const { t } = useTranslation();
  const text = BUCKETS.filter((b) => stats.buckets[b] > 0)
    .map((b) => `${stats.shares[b]} % ${t(`plan.bucket.${b}`)}`)
    .join(', ');
  return (
    <div
      className="share-bar"
      role="img"
      aria-label={`${label}: ${text || t('plan.dashboard.noBase')}`}
    >
      {BUCKETS.map((b) =>
        stats.buckets[b] > 0 ? (
          // exact widths: the rounded shares may add up to 99 or 101 when counts tie
          <span
            key={b}
            style={{
              width: `${(stats.buckets[b] * 100) / stats.base}%`,
              background: BUCKET_COLORS[b],
            }}
          />
        ) : null,
      )}
    </div>
  );
}

function StatsTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; stats: FulfilmentStats }[];
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table stats-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">
            {t('plan.dashboard.activities')}
          </th>
          <th scope="col" className="num">
            {t('plan.bucket.fulfilled')}
          </th>
          <th scope="col" className="num">
            {t('plan.bucket.inProgress')}
          </th>
          <th scope="col" className="num">
            {t('plan.bucket.notFulfilled')}
          </th>
          <th scope="col" className="num">
            {t('plan.bucket.noReport')}
          </th>
          <th scope="col" className="share-col">
            {t('plan.dashboard.shares')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">
              {r.stats.base}
              {r.stats.counts.cancelled > 0 && (
                <span className="muted small"> (+{r.stats.counts.cancelled})</span>
              )}
            </td>
            {BUCKETS.map((b) => (
              <td key={b} className="num">
                {r.stats.buckets[b]} <span className="muted small">({r.stats.shares[b]} %)</span>
              </td>
            ))}
            <td className="share-col">
              <ShareBar stats={r.stats} label={r.label} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * True from the frame after the first one. The charts measure every label as they draw (tens of
 * ms on an old laptop), so the figures and tables show first and the charts a frame later, in
 * boxes that already have their final height.
 */
function useAfterFirstFrame(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setReady(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return ready;
}

export function DashboardTab({ view, evaluation }: { view: PlanView; evaluation: PlanEvaluation }) {
  const { t } = useTranslation();
  const charts = useAfterFirstFrame();
  const { plan, bodies } = view;
  const o = evaluation.overall;
  if (o.total === 0) return <EmptyState>{t('plan.dashboard.empty')}</EmptyState>;
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const priorityData = evaluation.byPriority.map(({ item, stats }) => ({
    name: `${item.code} ${item.title.length > 38 ? `${item.title.slice(0, 36)}…` : item.title}`,
    ...Object.fromEntries(BUCKETS.map((b) => [b, stats.buckets[b]])),
  }));
  const costData = FUNDING_SOURCES.filter(
    (s) => evaluation.costsBySource[s].planned > 0 || evaluation.costsBySource[s].actual > 0,
  ).map((s) => ({
    name: t(`plan.fundingSource.${s}`),
    planned: evaluation.costsBySource[s].planned,
    actual: evaluation.costsBySource[s].actual,
  }));
  const stale = evaluation.activities.filter((a) => a.stale);
  const groupRows = [...evaluation.byWorkingGroup]
    .map(([id, stats]) => ({
      key: id || '-',
      label: id
        ? `${bodyById.get(id)?.code ?? ''} ${bodyById.get(id)?.name ?? ''}`.trim()
        : t('plan.dashboard.noGroup'),
      stats,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'cs'));
  const targetRows = [...evaluation.byTargetGroup]
    .map(([k, stats]) => ({ key: k, label: k, stats }))
    .sort((a, b) => a.label.localeCompare(b.label, 'cs'));

  return (
    <div className="dashboard">
      <section aria-labelledby="dash-overall">
        <h2 id="dash-overall">{t('plan.dashboard.overall', { year: evaluation.period })}</h2>
        <div className="kpis">
          {BUCKETS.map((b) => (
            <div key={b} className={`kpi kpi-${b}`} data-testid={`kpi-${b}`}>
              <span className="kpi-value">{o.shares[b]} %</span>
              <span className="kpi-label">{t(`plan.bucket.${b}`)}</span>
              <span className="kpi-count">
                {t('plan.dashboard.ofBase', { count: o.buckets[b], base: o.base })}
              </span>
            </div>
          ))}
          <div className="kpi kpi-average" data-testid="kpi-average">
            <span className="kpi-value">
              {o.averageFulfilment === undefined ? '—' : `${Math.round(o.averageFulfilment)} %`}
            </span>
            <span className="kpi-label">{t('plan.dashboard.average')}</span>
            <span className="kpi-count">
              {t('plan.dashboard.cancelled', { count: o.counts.cancelled })}
            </span>
          </div>
        </div>
        <ShareBar stats={o} label={t('plan.dashboard.overallShort')} />
        <p className="muted small">{t('plan.dashboard.rule')}</p>
      </section>

      <section aria-labelledby="dash-priorities">
        <h2 id="dash-priorities">
          {t('plan.dashboard.byPriority', { level: levelName(plan, 1) })}
        </h2>
        <div
          className="chart-card"
          style={{ height: Math.max(160, 56 * priorityData.length + 60) }}
        >
          {charts && (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={priorityData}
                layout="vertical"
                margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
              >
                <CartesianGrid horizontal={false} stroke="#e5e9e8" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={280} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                {BUCKETS.map((b) => (
                  <Bar
                    key={b}
                    dataKey={b}
                    name={t(`plan.bucket.${b}`)}
                    stackId="s"
                    fill={BUCKET_COLORS[b]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
        <StatsTable
          caption={levelName(plan, 1)}
          rows={evaluation.byPriority.map(({ item, stats }) => ({
            key: item.id,
            label: `${item.code} ${item.title}`,
            stats,
          }))}
        />
      </section>

      <section aria-labelledby="dash-groups">
        <h2 id="dash-groups">{t('plan.dashboard.byGroup')}</h2>
        <StatsTable caption={t('plan.table.group')} rows={groupRows} />
      </section>

      {targetRows.length > 0 && (
        <section aria-labelledby="dash-targets">
          <h2 id="dash-targets">{t('plan.dashboard.byTarget')}</h2>
          <StatsTable caption={t('plan.card.targetGroups')} rows={targetRows} />
        </section>
      )}

      <section aria-labelledby="dash-costs">
        <h2 id="dash-costs">{t('plan.dashboard.costs', { year: evaluation.period })}</h2>
        <p className="cost-summary" data-testid="cost-summary">
          {t('plan.dashboard.costsLine', {
            planned: formatMoney(evaluation.costs.planned),
            actual: formatMoney(evaluation.costs.actual),
          })}
        </p>
        {costData.length > 0 && (
          <div className="chart-card" style={{ height: 280 }}>
            {charts && (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={costData} margin={{ left: 24, right: 24, top: 8, bottom: 8 }}>
                  <CartesianGrid vertical={false} stroke="#e5e9e8" />
                  <XAxis dataKey="name" tick={{ fontSize: 12 }} />
                  <YAxis
                    tickFormatter={(v: number) =>
                      new Intl.NumberFormat('cs-CZ', { notation: 'compact' }).format(v)
                    }
                  />
                  <Tooltip formatter={(v) => formatMoney(Number(v))} />
                  <Legend />
                  <Bar
                    dataKey="planned"
                    name={t('plan.dashboard.planned')}
                    fill="#94a3b8"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="actual"
                    name={t('plan.dashboard.actual')}
                    fill="#0f5f58"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="dash-stale">
        <h2 id="dash-stale">
          {t('plan.dashboard.stale', { count: stale.length, year: evaluation.period })}
        </h2>
        {stale.length === 0 ? (
          <p className="muted">{t('plan.dashboard.noStale')}</p>
        ) : (
          <ul className="stale-list">
            {stale.map((a) => (
              <li key={a.item.id}>
                <span className="code-badge small">{a.item.code}</span> {a.item.title}{' '}
                <StatusChip status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
