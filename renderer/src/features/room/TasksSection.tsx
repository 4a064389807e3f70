import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task, TaskStatus } from '@shared/domain';
import { fullName, TASK_STATUSES } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { addTask, db, removeTask, reviewTask, type RoomData, type RoomItem } from '../../db';
import { formatDate } from '../../i18n/format';

const ownerName = (room: RoomData, t: Task) =>
  t.ownerId && room.allPeople.get(t.ownerId) ? fullName(room.allPeople.get(t.ownerId)!) : '';

export function TasksSection({
  room,
  item,
  locked,
}: {
  room: RoomData;
  item: RoomItem;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ text: '', ownerId: '', deadline: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const tasks = room.tasks.filter((x) => x.agendaItemId === item.id);
  const owners = room.members.map((m) => ({ value: m.personId, label: fullName(m.person) }));

  async function submit() {
    try {
      await addTask(db, room.meeting.id, form, item.id);
      setForm({ text: '', ownerId: '', deadline: '' });
      setErrors({});
      setError(undefined);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(describeError(t, e));
    }
  }

  return (
    <section className="room-section" aria-labelledby={`tasks-${item.id}`}>
      <h3 id={`tasks-${item.id}`}>{t('tasks.title')}</h3>
      {tasks.length === 0 ? (
        <p className="muted">{t('tasks.none')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('tasks.number')}</th>
              <th scope="col">{t('tasks.text')}</th>
              <th scope="col">{t('tasks.owner')}</th>
              <th scope="col">{t('tasks.deadline')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-testid="task-row">
                <td className="mono">{task.number}</td>
                <td>{task.text}</td>
                <td>{ownerName(room, task) || t('tasks.noOwner')}</td>
                <td>{formatDate(task.deadline)}</td>
                <td className="row-actions">
                  {!locked && (
                    <Button
                      variant="ghost"
                      onPress={() =>
                        void removeTask(db, task.id).catch((e) => setError(describeError(t, e)))
                      }
                      aria-label={`${t('tasks.delete')} ${task.number}`}
                    >
                      {t('common.remove')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!locked && (
        <form
          noValidate
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          aria-label={t('tasks.add')}
        >
          <TextInput
            label={t('tasks.text')}
            value={form.text}
            onChange={(text) => setForm((f) => ({ ...f, text }))}
            error={errors.text}
            className="grow"
          />
          <SelectInput
            label={t('tasks.owner')}
            value={form.ownerId}
            onChange={(ownerId) => setForm((f) => ({ ...f, ownerId }))}
            emptyLabel={t('tasks.noOwner')}
            options={owners}
          />
          <TextInput
            label={t('tasks.deadline')}
            type="date"
            value={form.deadline}
            onChange={(deadline) => setForm((f) => ({ ...f, deadline }))}
            error={errors.deadline}
          />
          <Button type="submit">{t('tasks.add')}</Button>
        </form>
      )}
      <FormError message={error} />
    </section>
  );
}

/** "Kontrola úkolů": open tasks of earlier meetings, reviewed in place (status + comment). */
export function ReviewSection({ room, locked }: { room: RoomData; locked: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const reviewOf = (task: Task) => task.reviews.find((r) => r.meetingId === room.meeting.id);
  const save = (task: Task, status: TaskStatus, comment?: string) =>
    reviewTask(db, task.id, room.meeting.id, status, comment).then(
      () => setError(undefined),
      (e) => setError(describeError(t, e)),
    );
  return (
    <section className="room-section" aria-labelledby="review-title">
      <h3 id="review-title">{t('tasks.review')}</h3>
      {room.review.length === 0 ? (
        <p className="muted">{t('tasks.reviewNone')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('tasks.number')}</th>
              <th scope="col">{t('tasks.text')}</th>
              <th scope="col">{t('tasks.owner')}</th>
              <th scope="col">{t('tasks.deadline')}</th>
              <th scope="col">{t('tasks.status')}</th>
              <th scope="col">{t('tasks.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {room.review.map((task) => {
              const review = reviewOf(task);
              return (
                <tr key={task.id} data-testid="review-row">
                  <td className="mono">{task.number}</td>
                  <td>{task.text}</td>
                  <td>{ownerName(room, task) || t('tasks.noOwner')}</td>
                  <td>{formatDate(task.deadline)}</td>
                  <td>
                    <select
                      aria-label={`${t('tasks.status')} ${task.number}`}
                      value={review?.status ?? task.status}
                      disabled={locked}
                      onChange={(e) =>
                        void save(task, e.target.value as TaskStatus, review?.comment)
                      }
                    >
                      {TASK_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`tasks.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${t('tasks.comment')} ${task.number}`}
                      defaultValue={review?.comment ?? ''}
                      disabled={locked}
                      onBlur={(e) => {
                        if (e.target.value !== (review?.comment ?? ''))
                          void save(task, review?.status ?? task.status, e.target.value);
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FormError message={error} />
    </section>
  );
}
