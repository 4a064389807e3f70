import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { TextInput, FormFooter } from '../../components/fields';
import { db, saveAgendaTemplate } from '../../db';

export function TemplateDialog({
  meetingId,
  bodyId,
  bodyCode,
  onClose,
}: {
  meetingId: string;
  bodyId: string;
  bodyCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(`${bodyCode} – ${t('room.agenda')}`);
  const [error, setError] = useState<string>();
  return (
    <FormDialog title={t('room.saveTemplate')} isOpen onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await saveAgendaTemplate(db, bodyId, name, meetingId);
            onClose();
          } catch (err) {
            setError(describeError(t, err));
          }
        }}
      >
        <TextInput
          label={t('room.templateName')}
          value={name}
          onChange={setName}
          autoFocus
          required
        />
        <FormFooter error={error} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
