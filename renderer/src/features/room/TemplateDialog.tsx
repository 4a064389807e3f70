import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { TextInput, FormFooter } from '../../components/fields';
import { db, saveAgendaTemplate, type RoomView } from '../../db';

export function TemplateDialog({ room, onClose }: { room: RoomView; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(`${room.body.code} – ${t('room.agenda')}`);
  const [error, setError] = useState<string>();
  return (
    <FormDialog title={t('room.saveTemplate')} isOpen onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await saveAgendaTemplate(db, room.body.id, name, room.meeting.id);
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
