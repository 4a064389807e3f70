import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCX_MIME } from '@shared/docx/mime';
import type { Lang } from '@shared/docx/model';
import { latestInvitationDate, type Body, type Meeting } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { db, todayIso, useRoom } from '../../db';
import { formatDate } from '../../i18n/format';
import { platform } from '../../platform';
import { DocumentFieldsDialog } from '../documents/DocumentFieldsDialog';
import { AgendaPanel } from '../room/AgendaPanel';
import { ExportStatus, type ExportMessage } from '../documents/ExportStatus';

/** A meeting not held yet: today or later, minutes not started beyond the draft. */
export function needsPreparation(meeting: Meeting, today: string): boolean {
  return meeting.date >= today && (meeting.minutesStatus ?? 'draft') === 'draft';
}

interface Props {
  meeting: Meeting;
  body: Body;
  /** Materials are part of the meeting record: they are edited in the meeting form. */
  onEditMaterials: () => void;
}

/**
 * Preparing a meeting on its own page (issue 11): the programme (the room's own agenda
 * panel), the materials and the invitation with its notice deadline, so nobody has to find
 * the invitation inside the meeting room.
 */
export function PreparePanel({ meeting, body, onEditMaterials }: Props) {
  const { t, i18n } = useTranslation();
  const room = useRoom(meeting.id);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ExportMessage>();
  const [editingFields, setEditingFields] = useState(false);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'cs';
  const latest = latestInvitationDate(meeting.date, body.rules.leadTime);
  const sentOn = meeting.invitationSentOn;
  const late = sentOn ? sentOn > latest : todayIso() > latest;

  async function exportInvitation() {
    setBusy(true);
    try {
      setMessage(undefined);
      // The DOCX builders (and docx) load when a document is exported, not with the page.
      const { exportMeetingDocument } = await import('../documents/exportMeeting');
      const { name, bytes } = await exportMeetingDocument(db, meeting.id, 'invitation', lang);
      if ((await platform.saveFile(name, bytes, DOCX_MIME)) === 'saved')
        setMessage({ kind: 'ok', text: t('minutes.exported', { name }) });
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(t, e) });
    }
    setBusy(false);
  }

  return (
    <section className="prepare" aria-labelledby="prepare-title" data-testid="prepare">
      <h2 id="prepare-title">{t('prepare.title')}</h2>
      <div className="prepare-layout">
        {room ? (
          <AgendaPanel
            meetingId={room.meeting.id}
            bodyId={room.body.id}
            bodyCode={room.body.code}
            items={room.items}
            resolutions={room.resolutions}
            templates={room.templates}
            currentId={meeting.currentItemId}
            locked={false}
          />
        ) : (
          <p>{t('common.loading')}</p>
        )}
        <div className="prepare-side">
          <section className="prepare-card" aria-labelledby="prepare-materials">
            <h3 id="prepare-materials">{t('meetings.materials')}</h3>
            {meeting.materials?.length ? (
              <ul className="prepare-materials">
                {meeting.materials.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('prepare.noMaterials')}</p>
            )}
            <Button variant="ghost" onPress={onEditMaterials}>
              {t('prepare.editMaterials')}
            </Button>
          </section>
          <section className="prepare-card" aria-labelledby="prepare-invitation">
            <h3 id="prepare-invitation">{t('prepare.invitation')}</h3>
            <p className={late ? 'notice notice-warning' : 'small'} data-testid="invitation-state">
              {sentOn
                ? t(late ? 'prepare.sentLate' : 'prepare.sent', {
                    date: formatDate(sentOn),
                    deadline: formatDate(latest),
                  })
                : t(late ? 'meetings.shortNotice' : 'prepare.notSent', {
                    date: formatDate(latest),
                  })}
              {sentOn && meeting.invitationSentTo && (
                <> {t('prepare.sentTo', { to: meeting.invitationSentTo })}</>
              )}
            </p>
            <div className="button-column">
              <Button variant="primary" isDisabled={busy} onPress={() => void exportInvitation()}>
                {t('minutes.exportInvitation')}
              </Button>
              {room && (
                <Button variant="ghost" onPress={() => setEditingFields(true)}>
                  {t('prepare.recordSending')}
                </Button>
              )}
            </div>
            <ExportStatus busy={busy} message={message} />
          </section>
        </div>
      </div>
      {editingFields && room && (
        <DocumentFieldsDialog room={room} onClose={() => setEditingFields(false)} />
      )}
    </section>
  );
}
