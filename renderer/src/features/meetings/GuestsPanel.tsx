import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { FormError, SelectInput } from '../../components/fields';
import {
  addNewGuest,
  clearAttendance,
  db,
  markAttendance,
  todayIso,
  usePeople,
  type AttendanceView,
} from '../../db';
import { PersonForm } from '../people/PersonForm';
import { nowHHMM } from './timeNow';

/** Guests take part without a vote: pick someone from the address book or create them here. */
export function GuestsPanel({
  view,
  readOnly = false,
}: {
  view: AttendanceView;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const [mode, setMode] = useState<'pick' | 'new' | null>(null);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<string>();
  const arrivedAt = view.meeting.date === todayIso() ? nowHHMM() : undefined;
  const taken = new Set([...view.members.map((m) => m.personId), ...view.attendance.keys()]);
  const options = (people ?? [])
    .filter((p) => !taken.has(p.id))
    .map((p) => ({
      value: p.id,
      label: `${p.lastName} ${p.firstName}${p.organizationName ? ` (${p.organizationName})` : ''}`,
    }));

  async function addExisting() {
    try {
      await markAttendance(db, {
        meetingId: view.meeting.id,
        personId,
        status: 'guest',
        arrivedAt,
      });
      setMode(null);
      setPersonId('');
      setError(undefined);
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  return (
    <section className="guests" aria-labelledby="guests-title">
      <div className="section-head">
        <h2 id="guests-title">{t('attendance.guests')}</h2>
        {!readOnly && <Button onPress={() => setMode('pick')}>{t('attendance.addGuest')}</Button>}
      </div>
      {view.guests.length === 0 ? (
        <p className="muted">{t('attendance.noGuests')}</p>
      ) : (
        <ul className="guest-list">
          {view.guests.map((g) => (
            <li key={g.attendance.id}>
              <span>
                <strong>{fullName(g.person)}</strong>
                {g.organizationName && ` · ${g.organizationName}`} ·{' '}
                <span className={`triad-chip triad-${g.person.triadRole}`}>
                  {t(`triad.${g.person.triadRole}`)}
                </span>{' '}
                <span className="badge">{t('attendance.noVote')}</span>
              </span>
              {!readOnly && (
                <Button
                  variant="ghost"
                  onPress={() => void clearAttendance(db, view.meeting.id, g.person.id)}
                  aria-label={`${t('attendance.clear')}: ${fullName(g.person)}`}
                >
                  {t('attendance.clear')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && mode === 'pick' && (
        <FormDialog title={t('attendance.addGuest')} isOpen onClose={() => setMode(null)}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (personId) void addExisting();
            }}
          >
            <SelectInput
              label={t('attendance.guestExisting')}
              value={personId}
              onChange={setPersonId}
              emptyLabel="—"
              options={options}
            />
            <FormError message={error} />
            <div className="form-actions">
              <Button onPress={() => setMode('new')}>{t('attendance.guestNew')}</Button>
              <Button onPress={() => setMode(null)}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" isDisabled={!personId}>
                {t('common.add')}
              </Button>
            </div>
          </form>
        </FormDialog>
      )}
      {mode === 'new' && (
        <PersonForm
          title={`${t('attendance.addGuest')} – ${t('attendance.guestNew')}`}
          onClose={() => setMode(null)}
          onSubmit={async (input) => {
            await addNewGuest(db, view.meeting.id, input, arrivedAt);
          }}
        />
      )}
    </section>
  );
}
