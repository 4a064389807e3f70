import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Meeting } from '@shared/domain';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormFooter, SelectInput, TextInput } from '../../components/fields';
import { db, saveMeetingDocuments, type RoomView } from '../../db';

const lines = (text: string) => text.split('\n').map((l) => l.trim());

/**
 * What the minutes and the invitation print beyond the schedule, where a secretary sets it
 * before exporting: actual times, attachments, distribution, contact person, signer, dates.
 */
export function DocumentFieldsDialog({
  room,
  onClose,
}: {
  room: Pick<RoomView, 'meeting' | 'members'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const m: Meeting = room.meeting;
  const [form, setForm] = useState({
    startedAt: m.startedAt ?? '',
    endedAt: m.endedAt ?? '',
    attachments: (m.attachments ?? []).join('\n'),
    distributedTo: m.distributedTo ?? '',
    distributedOn: m.distributedOn ?? '',
    commentsBy: m.commentsBy ?? '',
    invitationContact: m.invitationContact ?? '',
    signerId: m.signerId ?? '',
    signerRole: m.signerRole ?? '',
    issuePlace: m.issuePlace ?? '',
    invitationIssuedOn: m.invitationIssuedOn ?? '',
    invitationSentOn: m.invitationSentOn ?? '',
    invitationSentTo: m.invitationSentTo ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => errors[key];

  return (
    <FormDialog title={t('documentFields.title')} isOpen onClose={onClose} wide>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await saveMeetingDocuments(db, m.id, {
              ...form,
              attachments: lines(form.attachments),
            });
            onClose();
          } catch (e2) {
            setErrors(fieldErrorsOf(e2));
            setError(describeError(t, e2));
          }
        }}
      >
        <fieldset>
          <legend>{t('documentFields.minutes')}</legend>
          <div className="form-grid">
            <TextInput
              label={t('documentFields.startedAt')}
              type="time"
              value={form.startedAt}
              onChange={set('startedAt')}
              error={err('startedAt')}
              hint={t('documentFields.startedAtHint', { time: m.timeFrom })}
            />
            <TextInput
              label={t('documentFields.endedAt')}
              type="time"
              value={form.endedAt}
              onChange={set('endedAt')}
              error={err('endedAt')}
            />
            <TextInput
              label={t('documentFields.attachments')}
              value={form.attachments}
              onChange={set('attachments')}
              error={err('attachments')}
              hint={t('documentFields.attachmentsHint')}
              multiline
              className="span-all"
            />
            <TextInput
              label={t('documentFields.distributedTo')}
              value={form.distributedTo}
              onChange={set('distributedTo')}
              error={err('distributedTo')}
              hint={t('documentFields.distributedToHint')}
              className="span-all"
            />
            <TextInput
              label={t('documentFields.distributedOn')}
              type="date"
              value={form.distributedOn}
              onChange={set('distributedOn')}
              error={err('distributedOn')}
            />
            <TextInput
              label={t('documentFields.commentsBy')}
              type="date"
              value={form.commentsBy}
              onChange={set('commentsBy')}
              error={err('commentsBy')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('documentFields.invitation')}</legend>
          <div className="form-grid">
            <SelectInput
              label={t('documentFields.signer')}
              value={form.signerId}
              onChange={set('signerId')}
              emptyLabel={t('documentFields.signerChair')}
              options={room.members.map((mm) => ({
                value: mm.personId,
                label: fullName(mm.person),
              }))}
              error={err('signerId')}
            />
            <TextInput
              label={t('documentFields.signerRole')}
              value={form.signerRole}
              onChange={set('signerRole')}
              error={err('signerRole')}
              hint={t('documentFields.signerRoleHint')}
            />
            <TextInput
              label={t('documentFields.contact')}
              value={form.invitationContact}
              onChange={set('invitationContact')}
              error={err('invitationContact')}
              hint={t('documentFields.contactHint')}
              className="span-all"
            />
            <TextInput
              label={t('documentFields.issuePlace')}
              value={form.issuePlace}
              onChange={set('issuePlace')}
              error={err('issuePlace')}
              hint={t('documentFields.issuePlaceHint')}
            />
            <TextInput
              label={t('documentFields.issuedOn')}
              type="date"
              value={form.invitationIssuedOn}
              onChange={set('invitationIssuedOn')}
              error={err('invitationIssuedOn')}
            />
            <TextInput
              label={t('documentFields.sentOn')}
              type="date"
              value={form.invitationSentOn}
              onChange={set('invitationSentOn')}
              error={err('invitationSentOn')}
            />
            <TextInput
              label={t('documentFields.sentTo')}
              value={form.invitationSentTo}
              onChange={set('invitationSentTo')}
              error={err('invitationSentTo')}
              hint={t('documentFields.sentToHint')}
            />
          </div>
        </fieldset>
        <FormFooter error={error} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
