import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskStatus } from '@shared/domain';
import { isOverdue, isPending, TASK_STATUSES } from '@shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import { CheckboxInput, SelectInput } from '../../components/fields';
import { db, setTaskStatus, todayIso, useBodies, useTasks } from '../../db';
import { collator, formatDate } from '../../i18n/format';

/** Every task of every group, filtered by owner, group, pending and overdue. */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const [pendingOnly, setPendingOnly] = useState(true);
  // Pending only (the default) reads open and ongoing tasks through the status index.
  const tasks = useTasks(pendingOnly);
  const bodies = useBodies();
  const [owner, setOwner] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const today = todayIso();

  const owners = useMemo(() => {
    const seen = new Map<string, string>();
    for (const task of tasks ?? [])
      if (task.ownerId && task.ownerName) seen.set(task.ownerId, task.ownerName);
    const cmp = collator();
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => cmp.compare(a.label, b.label));
  }, [tasks]);

  const rows = (tasks ?? []).filter(
    (task) =>
      (!owner || task.ownerId === owner) &&
      (!bodyId || task.bodyId === bodyId) &&
      (!pendingOnly || isPending(task)) && // a task just marked done leaves at once
      (!overdueOnly || isOverdue(task, today)),
  );

  const list = useVirtualRows(rows.length, {
    kind: 'table',
    estimateSize: 46,
    layoutKey: i18n.language,
  });
  // The same options in every row's status select.
  const statusOptions = TASK_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`tasks.statuses.${s}`)}
    </option>
  ));

  return (
    <>
      <PageHeader
        title={t('tasks.pageTitle')}
        subtitle={tasks ? t('common.count', { count: rows.length }) : t('common.loading')}
      />
      <div className="toolbar">
        <SelectInput
          label={t('tasks.owner')}
          value={owner}
          onChange={setOwner}
          emptyLabel={t('tasks.allOwners')}
          options={owners}
        />
        <SelectInput
          label={t('tasks.body')}
          value={bodyId}
          onChange={setBodyId}
          emptyLabel={t('tasks.allBodies')}
          options={(bodies ?? []).map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
        />
        <CheckboxInput
          label={t('tasks.onlyPending')}
          checked={pendingOnly}
          onChange={setPendingOnly}
        />
        <CheckboxInput
          label={t('tasks.onlyOverdue')}
          checked={overdueOnly}
          onChange={setOverdueOnly}
        />
      </div>
      {tasks === undefined ? null : rows.length === 0 ? (
        <EmptyState>{t('tasks.empty')}</EmptyState>
      ) : (
        <table className={`data-table ${list.className}`} {...list.tableProps}>
          <thead>
            <tr>
              <th scope="col">{t('tasks.number')}</th>
              <th scope="col">{t('tasks.body')}</th>
              <th scope="col">{t('tasks.text')}</th>
              <th scope="col">{t('tasks.owner')}</th>
              <th scope="col">{t('tasks.deadline')}</th>
              <th scope="col">{t('tasks.status')}</th>
            </tr>
          </thead>
          <tbody {...list.containerProps}>
            <VirtualRows
              list={list}
              columns={6}
              row={(index, props) => {
                const task = rows[index]!;
                const overdue = isOverdue(task, today);
                return (
                  <tr key={task.id} {...props} className={overdue ? 'overdue' : ''}>
                    <td className="mono">
                      <Link to={`/meetings/${task.meetingId}/room`}>{task.number}</Link>
                    </td>
                    <td>
                      <span className="code-badge small">{task.bodyCode}</span>
                    </td>
                    <td>{task.text}</td>
                    <td>{task.ownerName ?? t('tasks.noOwner')}</td>
                    <td>
                      {formatDate(task.deadline)}{' '}
                      {overdue && <span className="badge badge-bad">{t('tasks.overdue')}</span>}
                    </td>
                    <td>
                      <select
                        aria-label={`${t('tasks.status')} ${task.number}`}
                        value={task.status}
                        onChange={(e) =>
                          void setTaskStatus(db, task.id, e.target.value as TaskStatus)
                        }
                      >
                        {statusOptions}
                      </select>
                    </td>
                  </tr>
                );
              }}
            />
          </tbody>
        </table>
      )}
    </>
  );
}
