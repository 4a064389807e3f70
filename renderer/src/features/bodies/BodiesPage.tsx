import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useBodies, useBodyStats } from '../../db';

import { BodyForm } from './BodyForm';

export function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const stats = useBodyStats();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('bodies.title')}
        actions={
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('bodies.add')}
          </Button>
        }
      />
      {bodies && bodies.length === 0 ? (
        <EmptyState
          action={
            <Button variant="primary" onPress={() => setCreating(true)}>
              {t('bodies.add')}
            </Button>
          }
        >
          {t('bodies.empty')}
        </EmptyState>
      ) : (
        <ul className="card-grid">
          {bodies?.map((b) => {
            const s = stats?.get(b.id);
            return (
              <li key={b.id} className="card">
                <Link to={`/bodies/${b.id}`} className="card-link">
                  <span className="code-badge">{b.code}</span>
                  <span className="card-title">{b.name}</span>
                </Link>
                <div className="card-meta">
                  {t(`bodyKind.${b.kind}`)}
                  {b.targetGroup ? ` · ${b.targetGroup}` : ''}
                </div>
                <div className="card-meta">
                  {t('bodies.membersCount', { count: s?.members ?? 0 })} ·{' '}
                  {t('bodies.votingCount', { count: s?.voting ?? 0 })}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {creating && <BodyForm onClose={() => setCreating(false)} />}
    </>
  );
}
