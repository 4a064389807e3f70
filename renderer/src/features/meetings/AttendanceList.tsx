import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance, AttendanceInput, AttendanceStatus } from '@shared/domain';
import { fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import {
  clearAttendance,
  db,
  markAttendance,
  todayIso,
  type AttendanceView,
  type AttendanceWarning,
  type MemberRow,
} from '../../db';
import { SubstituteDialog } from './SubstituteDialog';
import { nowHHMM } from './timeNow';
import { InlineTimeInput } from '../../components/fields';
import { attendanceStatusKey, memberRoleKey } from '../../i18n/roles';

const MEMBER_STATUSES = [
  'present',
  'excused',
  'absent',
  'substituted',
] as const satisfies readonly AttendanceStatus[];
// One key per status, the initial of the word on the button in the app's language.
const KEYS: Record<'cs' | 'en', Record<string, (typeof MEMBER_STATUSES)[number]>> = {
  cs: { p: 'present', o: 'excused', n: 'absent', z: 'substituted' },
  en: { p: 'present', e: 'excused', a: 'absent', s: 'substituted' },
};

interface Props {
  view: AttendanceView;
  onMessage: (message: { kind: 'error' | 'warning'; text: string } | null) => void;
  /** Approved minutes: statuses and times are shown, not offered for change. */
  readOnly?: boolean;
}

/** Attendance of the members: one click or one key per member, focus moves with ↑/↓. */
export function AttendanceList({ view, onMessage, readOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  const keyLanguage = i18n.language === 'en' ? 'en' : 'cs';
  const [focus, setFocus] = useState(0);
  const [substituteFor, setSubstituteFor] = useState<MemberRow | null>(null);
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  // What opened the substitute dialog (the row's button, or the row for the Z key): focus goes back there.
  const trigger = useRef<HTMLElement | null>(null);
  const returnFocus = useRef<MemberRow | null>(null);
  const isToday = view.meeting.date === todayIso();

  function showWarnings(warnings: AttendanceWarning[]) {
    onMessage(
      warnings.length ? { kind: 'warning', text: warnings.map((w) => t(w)).join(' ') } : null,
    );
  }

  async function save(input: AttendanceInput) {
    try {
      showWarnings(await markAttendance(db, input));
    } catch (e) {
      onMessage({ kind: 'error', text: describeError(t, e) });
    }
  }

  function base(member: MemberRow, current?: Attendance): AttendanceInput {
    return {
      meetingId: view.meeting.id,
      personId: member.personId,
      status: 'present',
      arrivedAt: current?.arrivedAt,
      leftAt: current?.leftAt,
      note: current?.note,
    };
  }

  async function setStatus(member: MemberRow, status: (typeof MEMBER_STATUSES)[number]) {
    const current = view.attendance.get(member.personId);
    if (status === 'substituted') {
      trigger.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSubstituteFor(member);
      return;
    }
    const input: AttendanceInput = { ...base(member, current), status, substituteId: undefined };
    if (status === 'present')
      input.arrivedAt = current?.arrivedAt ?? (isToday ? nowHHMM() : undefined);
    else {
      input.arrivedAt = undefined;
      input.leftAt = undefined;
    }
    await save(input);
  }

  function closeSubstitute() {
    returnFocus.current = substituteFor;
    setSubstituteFor(null);
  }

  // Once the dialog is gone: focus back to what opened it, else the row's "zastoupen" button.
  useEffect(() => {
    const member = returnFocus.current;
    if (substituteFor || !member) return;
    returnFocus.current = null;
    const back = trigger.current;
    const index = view.members.findIndex((m) => m.id === member.id);
    const fallback = rows.current[index]?.querySelector<HTMLElement>('.status-btn-substituted');
    (back?.isConnected ? back : fallback)?.focus();
  }, [substituteFor, view.members]);

  function onKey(e: KeyboardEvent<HTMLLIElement>, index: number, member: MemberRow) {
    if (e.target !== e.currentTarget) return;
    const key = e.key.toLowerCase();
    if (key === 'arrowdown' || key === 'arrowup') {
      e.preventDefault();
      const next = Math.min(
        view.members.length - 1,
        Math.max(0, index + (key === 'arrowdown' ? 1 : -1)),
      );
      setFocus(next);
      rows.current[next]?.focus();
    } else if (readOnly) {
      return;
    } else if (KEYS[keyLanguage][key]) {
      e.preventDefault();
      void setStatus(member, KEYS[keyLanguage][key]);
    } else if (key === 'delete' || key === 'backspace') {
      e.preventDefault();
      void clearAttendance(db, view.meeting.id, member.personId);
    }
  }

  if (view.members.length === 0) return <p className="empty-state">{t('attendance.noMembers')}</p>;

  return (
    <>
      {!readOnly && (
        <p className="muted small" id="attendance-keys">
          {t('attendance.keysHint')}
        </p>
      )}
      <ul className="attendance-list" aria-describedby={readOnly ? undefined : 'attendance-keys'}>
        {view.members.map((member, index) => {
          const a = view.attendance.get(member.personId);
          const status: AttendanceStatus | 'unmarked' = a?.status ?? 'unmarked';
          const name = fullName(member.person);
          const streak = view.absenceWarnings.get(member.personId);
          const substitute = a?.substituteId ? view.people.get(a.substituteId) : undefined;
          return (
            <li
              key={member.id}
              ref={(el) => {
                rows.current[index] = el;
              }}
              tabIndex={index === focus ? 0 : -1}
              onFocus={() => setFocus(index)}
              onKeyDown={(e) => onKey(e, index, member)}
              className={`attendance-row status-${status} ${a?.leftAt ? 'has-left' : ''}`}
              aria-label={`${name}: ${t(attendanceStatusKey(status, member.person))}`}
              data-testid="attendance-row"
            >
              <div className="attendee">
                <span className="attendee-name">{name}</span>
                <span className="attendee-meta">
                  <span className={`triad-chip triad-${member.person.triadRole}`}>
                    {t(`triad.${member.person.triadRole}`)}
                  </span>
                  {member.organizationName && <span>{member.organizationName}</span>}
                  {member.role !== 'member' && (
                    <span>{t(memberRoleKey(member.role, member.person))}</span>
                  )}
                  {!member.votingRight && <span className="badge">{t('attendance.noVote')}</span>}
                </span>
                {streak !== undefined && (
                  <span className="warning-chip" role="note">
                    ⚠ {t('attendance.absenceWarning', { count: streak })}
                  </span>
                )}
                {substitute && (
                  <span className="substitute-line">
                    {t('attendance.substituteBy')}: <strong>{fullName(substitute)}</strong>
                  </span>
                )}
              </div>
              {readOnly ? (
                <span className={`status-chip status-${status}`}>
                  {t(attendanceStatusKey(status, member.person))}
                </span>
              ) : (
                <div className="status-buttons" role="group" aria-label={name}>
                  {MEMBER_STATUSES.map((s) => (
                    <button
                      key={s}
                      type="button"
                      tabIndex={-1}
                      aria-pressed={status === s}
                      className={`status-btn status-btn-${s}`}
                      onClick={() => void setStatus(member, s)}
                    >
                      {t(attendanceStatusKey(s, member.person))}
                    </button>
                  ))}
                </div>
              )}
              <div className="times">
                {(status === 'present' || status === 'substituted') && a && (
                  <>
                    <InlineTimeInput
                      label={`${t('attendance.arrived')} – ${name}`}
                      visibleLabel={t('attendance.arrived')}
                      readOnly={readOnly}
                      value={a.arrivedAt ?? ''}
                      onChange={(v) =>
                        void save({
                          ...base(member, a),
                          status: a.status,
                          substituteId: a.substituteId,
                          arrivedAt: v || undefined,
                        })
                      }
                    />
                    <InlineTimeInput
                      label={`${t('attendance.left')} – ${name}`}
                      visibleLabel={t('attendance.left')}
                      readOnly={readOnly}
                      value={a.leftAt ?? ''}
                      onChange={(v) =>
                        void save({
                          ...base(member, a),
                          status: a.status,
                          substituteId: a.substituteId,
                          leftAt: v || undefined,
                        })
                      }
                    />
                    {!readOnly && (
                      <Button
                        variant="ghost"
                        excludeFromTabOrder
                        onPress={() =>
                          void save({
                            ...base(member, a),
                            status: a.status,
                            substituteId: a.substituteId,
                            leftAt: a.leftAt ? undefined : nowHHMM(),
                          })
                        }
                        aria-label={`${a.leftAt ? t('attendance.returned') : t('attendance.leave')}: ${name}`}
                      >
                        {a.leftAt ? t('attendance.returned') : t('attendance.leave')}
                      </Button>
                    )}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {substituteFor && (
        <SubstituteDialog
          member={substituteFor}
          view={view}
          onClose={closeSubstitute}
          onPick={async (substituteId) => {
            const current = view.attendance.get(substituteFor.personId);
            // Errors reach the dialog, which stays open and says why.
            const warnings = await markAttendance(db, {
              ...base(substituteFor, current),
              status: 'substituted',
              substituteId,
              arrivedAt: current?.arrivedAt ?? (isToday ? nowHHMM() : undefined),
            });
            showWarnings(warnings);
            closeSubstitute();
          }}
        />
      )}
    </>
  );
}
