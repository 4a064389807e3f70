import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Meeting } from '@shared/domain';
import { checkNotice, fullName, isoDate } from '@shared/domain';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { SelectInput, TextInput, FormFooter } from '../../components/fields';
import {
  createMeeting,
  db,
  todayIso,
  updateMeeting,
  useBodies,
  useBodyMembers,
  type SavedMeeting,
} from '../../db';
import { formatDate } from '../../i18n/format';

interface Props {
  bodyId?: string;
  meeting?: Meeting;
  /** Prefill for a new meeting (e.g. the next one set from the meeting room). */
  defaults?: Partial<Pick<Meeting, 'place' | 'timeFrom' | 'timeTo' | 'chairId' | 'minuteTakerId'>>;
  previousMeetingId?: string;
  onClose: () => void;
}

/** Schedules or edits a meeting; while the date is picked it shows whether the notice period holds. */
export function MeetingForm({ bodyId, meeting, defaults, previousMeetingId, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bodies = useBodies();
  const [form, setForm] = useState({
    bodyId: meeting?.bodyId ?? bodyId ?? '',
    date: meeting?.date ?? '',
    timeFrom: meeting?.timeFrom ?? defaults?.timeFrom ?? '09:00',
    timeTo: meeting?.timeTo ?? defaults?.timeTo ?? '11:00',
    place: meeting?.place ?? defaults?.place ?? '',
    chairId: meeting?.chairId ?? defaults?.chairId ?? '',
    minuteTakerId: meeting?.minuteTakerId ?? defaults?.minuteTakerId ?? '',
    verifierId: meeting?.verifierId ?? '',
    materials: meeting?.materials?.join('\n') ?? '',
  });
  const members = useBodyMembers(form.bodyId || undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const peopleOptions = (members ?? [])
    .filter((m) => !m.to || m.to >= todayIso())
    .map((m) => ({ value: m.personId, label: fullName(m.person) }));
  // The body's notice period, judged live for invitations sent today (a past date is a record
  // of a meeting already held: no notice applies).
  const body = bodies?.find((b) => b.id === form.bodyId);
  const today = todayIso();
  const notice =
    body && isoDate.safeParse(form.date).success && form.date >= today
      ? checkNotice(form.date, today, body.rules.leadTime)
      : null;

  async function submit() {
    try {
      const input = { ...form, materials: form.materials.split(/\r?\n/) };
      const result = meeting
        ? await updateMeeting(db, meeting.id, input)
        : await createMeeting(db, input, undefined, previousMeetingId);
      finish(result);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  function finish(result: SavedMeeting) {
    onClose();
    if (!meeting && !previousMeetingId) navigate(`/meetings/${result.meeting.id}`);
  }

  return (
    <FormDialog
      title={meeting ? t('meetings.edit') : t('meetings.add')}
      isOpen
      onClose={onClose}
      wide
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <SelectInput
            label={t('meetings.body')}
            value={form.bodyId}
            onChange={set('bodyId')}
            emptyLabel="—"
            options={(bodies ?? []).map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
            error={errors.bodyId}
            className="span-all"
          />
          <TextInput
            label={t('meetings.date')}
            type="date"
            value={form.date}
            onChange={set('date')}
            error={errors.date}
            required
            autoFocus
          />
          <TextInput
            label={t('meetings.timeFrom')}
            type="time"
            value={form.timeFrom}
            onChange={set('timeFrom')}
            error={errors.timeFrom}
            required
          />
          <TextInput
            label={t('meetings.timeTo')}
            type="time"
            value={form.timeTo}
            onChange={set('timeTo')}
            error={errors.timeTo}
            required
          />
          <div className="span-all" role="status">
            {notice && (
              <p className={notice.ok ? 'muted small' : 'notice notice-warning'}>
                {t(notice.ok ? 'meetings.noticeOk' : 'meetings.shortNotice', {
                  date: formatDate(notice.latestInvitation),
                })}
              </p>
            )}
          </div>
          <TextInput
            label={t('meetings.place')}
            value={form.place}
            onChange={set('place')}
            error={errors.place}
            required
            className="span-all"
          />
          <SelectInput
            label={t('meetings.chair')}
            value={form.chairId}
            onChange={set('chairId')}
            emptyLabel={t('meetings.nobody')}
            options={peopleOptions}
          />
          <SelectInput
            label={t('meetings.minuteTaker')}
            value={form.minuteTakerId}
            onChange={set('minuteTakerId')}
            emptyLabel={t('meetings.nobody')}
            options={peopleOptions}
          />
          <SelectInput
            label={t('meetings.verifier')}
            value={form.verifierId}
            onChange={set('verifierId')}
            emptyLabel={t('meetings.nobody')}
            options={peopleOptions}
          />
          <TextInput
            label={t('meetings.materials')}
            value={form.materials}
            onChange={set('materials')}
            error={errors.materials}
            hint={t('meetings.materialsHint')}
            multiline
            className="span-all"
          />
        </div>
        <FormFooter error={formError} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
