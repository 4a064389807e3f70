import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { evaluatePlan } from '@shared/plan';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { db, deletePlan, usePlanView } from '../../db';
import { formatDate } from '../../i18n/format';
import { DashboardTab } from './DashboardTab';
import { EvaluationTab } from './EvaluationTab';
import { ImportDialog } from './ImportDialog';
import { MonitoringTab } from './MonitoringTab';
import { NextPlanDialog } from './NextPlanDialog';
import { PlanForm } from './PlanForm';
import { defaultPeriod } from './planFormat';
import { StructureTab } from './StructureTab';
import { TableTab } from './TableTab';

export function PlanPage() {
  const { planId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = usePlanView(planId);
  const [period, setPeriod] = useState<number>();
  const [dialog, setDialog] = useState<'edit' | 'import' | 'next' | 'delete' | null>(null);
  const year = view ? (period ?? defaultPeriod(view.plan.periodFrom, view.plan.periodTo)) : 0;
  const evaluation = useMemo(
    () => (view ? evaluatePlan(view.items, view.monitoring, year) : null),
    [view, year],
  );

  if (view === undefined) return <p>{t('common.loading')}</p>;
  if (view === null || !evaluation) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const { plan } = view;
  const years: number[] = [];
  for (let y = plan.periodFrom; y <= plan.periodTo; y++) years.push(y);
  const lastApproval = [...plan.approvals].sort((a, b) => b.date.localeCompare(a.date))[0];

  return (
    <>
      <PageHeader
        title={plan.name}
        subtitle={
          <>
            <span className={`plan-status plan-status-${plan.status}`}>
              {t(`plan.status.${plan.status}`)}
            </span>{' '}
            · {plan.periodFrom}–{plan.periodTo}
            {plan.territory.length > 0 && <> · {plan.territory.join(', ')}</>}
            {lastApproval && (
              <>
                {' '}
                ·{' '}
                {t('plan.approvedBy', {
                  body: lastApproval.body,
                  date: formatDate(lastApproval.date),
                })}
              </>
            )}
            {view.previousPlan && (
              <>
                {' '}
                · {t('plan.followsPlan')}{' '}
                <Link to={`/plans/${view.previousPlan.id}`}>{view.previousPlan.name}</Link>
              </>
            )}
          </>
        }
        actions={
          <>
            <Link to="/plans" className="btn btn-ghost">
              {t('common.back')}
            </Link>
            {view.items.length === 0 && (
              <Button onPress={() => setDialog('import')}>{t('plan.import.open')}</Button>
            )}
            <Button
              onPress={() => setDialog('next')}
              isDisabled={evaluation.activities.length === 0}
            >
              {t('plan.next.open')}
            </Button>
            <Button onPress={() => setDialog('edit')}>{t('plan.edit')}</Button>
            <Button variant="ghost" onPress={() => setDialog('delete')}>
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <div className="toolbar plan-toolbar">
        <div className="period-switch" role="group" aria-label={t('plan.period')}>
          <span className="period-label">{t('plan.period')}:</span>
          {years.map((y) => (
            <button key={y} type="button" aria-pressed={y === year} onClick={() => setPeriod(y)}>
              {y}
            </button>
          ))}
        </div>
        <p className="plan-headline" data-testid="plan-headline">
          {t('plan.headline', {
            activities: evaluation.overall.total,
            fulfilled: evaluation.overall.shares.fulfilled,
            inProgress: evaluation.overall.shares.inProgress,
            notFulfilled: evaluation.overall.shares.notFulfilled,
          })}
        </p>
      </div>
      <Tabs className="tabs">
        <TabList aria-label={plan.name} className="tab-list">
          <Tab id="tree">{t('plan.tabs.tree')}</Tab>
          <Tab id="table">{t('plan.tabs.table')}</Tab>
          <Tab id="monitoring">{t('plan.tabs.monitoring')}</Tab>
          <Tab id="dashboard">{t('plan.tabs.dashboard')}</Tab>
          <Tab id="evaluation">{t('plan.tabs.evaluation')}</Tab>
        </TabList>
        <TabPanel id="tree">
          <StructureTab
            view={view}
            evaluation={evaluation}
            period={year}
            onImport={() => setDialog('import')}
          />
        </TabPanel>
        <TabPanel id="table">
          <TableTab view={view} evaluation={evaluation} period={year} />
        </TabPanel>
        <TabPanel id="monitoring">
          <MonitoringTab view={view} evaluation={evaluation} period={year} />
        </TabPanel>
        <TabPanel id="dashboard">
          <DashboardTab view={view} evaluation={evaluation} />
        </TabPanel>
        <TabPanel id="evaluation">
          <EvaluationTab view={view} evaluation={evaluation} period={year} />
        </TabPanel>
      </Tabs>
      {dialog === 'edit' && <PlanForm plan={plan} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog plan={plan} onClose={() => setDialog(null)} />}
      {dialog === 'next' && (
        <NextPlanDialog
          view={view}
          evaluation={evaluation}
          onClose={(id) => (id ? navigate(`/plans/${id}`) : setDialog(null))}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          isOpen
          title={t('plan.deleteTitle')}
          text={t('plan.deleteText', { name: plan.name, count: view.monitoring.length })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            await deletePlan(db, plan.id);
            navigate('/plans');
          }}
        />
      )}
    </>
  );
}
