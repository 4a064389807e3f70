import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { usePlans } from '../../db';
import { formatDate } from '../../i18n/format';
import { PlanForm } from './PlanForm';

export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plans = usePlans();
  const [adding, setAdding] = useState(false);
  const add = (
    <Button variant="primary" onPress={() => setAdding(true)}>
      {t('plan.add')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('plan.title')} subtitle={t('plan.subtitle')} actions={add} />
      {plans === undefined ? (
        <p>{t('common.loading')}</p>
      ) : plans.length === 0 ? (
        <EmptyState action={add}>{t('plan.empty')}</EmptyState>
      ) : (
        <ul className="card-grid plan-cards">
          {plans.map((p) => {
            const approval = [...p.approvals].sort((a, b) => b.date.localeCompare(a.date))[0];
            return (
              <li key={p.id} className="card">
                <Link to={`/plans/${p.id}`} className="card-link">
                  <span className="card-title">{p.name}</span>
                </Link>
                <div className="card-meta">
                  <span className={`plan-status plan-status-${p.status}`}>
                    {t(`plan.status.${p.status}`)}
                  </span>{' '}
                  · {p.periodFrom}–{p.periodTo} ·{' '}
                  {t('plan.activitiesCount', { count: p.activities })}
                </div>
                {p.territory.length > 0 && (
                  <div className="card-meta">{p.territory.join(', ')}</div>
                )}
                {approval && (
                  <div className="card-meta">
                    {t('plan.approvedBy', { body: approval.body, date: formatDate(approval.date) })}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {adding && (
        <PlanForm
          onClose={(saved) => (saved ? navigate(`/plans/${saved.id}`) : setAdding(false))}
        />
      )}
    </>
  );
}
