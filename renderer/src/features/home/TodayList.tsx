import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingNumber } from '@shared/domain';
import { useTodayTasks, type TodayItem } from '../../db';
import { formatDate } from '../../i18n/format';

/** "What needs doing today": each row says what to do and links to the page where it is done. */
export function TodayList() {
  const { t } = useTranslation();
  const items = useTodayTasks();
  if (items === undefined) return null;
  return (
    <section className="today" aria-labelledby="today-title">
      <h2 id="today-title">{t('home.todayTitle')}</h2>
      {items.length === 0 ? (
        <p className="today-empty">{t('home.todayEmpty')}</p>
      ) : (
        <ul className="today-list">
          {items.map((item) => (
            <li key={itemKey(item)} className={`today-item today-${item.kind}`}>
              <TodayLink item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function itemKey(item: TodayItem): string {
  if ('meetingId' in item) return `${item.kind}-${item.meetingId}`;
  if (item.kind === 'monitoring') return `${item.kind}-${item.planId}-${item.period}`;
  return item.kind;
}

function TodayLink({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'verify':
    case 'approve':
    case 'invitation': {
      const key = (
        {
          verify: 'home.todayVerify',
          approve: 'home.todayApprove',
          invitation: 'home.todayInvitation',
        } as const
      )[item.kind];
      return (
        <Link to={`/meetings/${item.meetingId}`}>
          {t(key, {
            meeting: `${item.bodyCode} ${meetingNumber(item)}`,
            date: formatDate(item.date),
          })}
        </Link>
      );
    }
    case 'overdueTasks':
      return <Link to="/tasks">{t('home.todayOverdue', { count: item.count })}</Link>;
    case 'monitoring':
      return (
        <Link to={`/plans/${item.planId}`}>
          {t('home.todayMonitoring', {
            count: item.count,
            period: item.period,
            plan: item.planName,
          })}
        </Link>
      );
    case 'backup':
      return (
        <Link to="/safety">
          {item.days === 'never'
            ? t('home.todayBackupNever')
            : t('home.todayBackup', { count: item.days })}
        </Link>
      );
  }
}
