import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaKind } from '@shared/domain';
import { AGENDA_KINDS } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { addAgendaItem, db, removeAgendaItem, updateAgendaItem, type RoomItem } from '../../db';

export function AgendaItemForm({
  meetingId,
  item,
  onClose,
}: {
  meetingId: string;
  item?: RoomItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(item?.title ?? '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [planned, setPlanned] = useState(
    item?.plannedMinutes !== undefined ? String(item.plannedMinutes) : '',
  );
  const [kind, setKind] = useState<AgendaKind>(item?.kind ?? 'regular');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit() {
    const input = {
      title,
      presenter,
      kind,
      plannedMinutes: planned.trim() === '' ? undefined : Number(planned),
    };
    try {
      if (item) await updateAgendaItem(db, item.id, input);
      else await addAgendaItem(db, meetingId, input);
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog title={item ? t('room.editItem') : t('room.addItem')} isOpen onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          label={t('room.itemTitle')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          autoFocus
          required
        />
        <TextInput
          label={t('room.presenter')}
          value={presenter}
          onChange={setPresenter}
          error={errors.presenter}
        />
        <TextInput
          label={t('room.plannedMinutes')}
          type="number"
          min={0}
          value={planned}
          onChange={setPlanned}
          error={errors.plannedMinutes}
        />
        <SelectInput
          label={t('room.kind')}
          value={kind}
          onChange={(v) => setKind(v as AgendaKind)}
          options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`room.kinds.${k}`) }))}
        />
        <FormError message={formError} />
        <div className="form-actions">
          {item && (
            <Button
              variant="ghost"
              onPress={async () => {
                try {
                  await removeAgendaItem(db, item.id);
                  onClose();
                } catch (e) {
                  setFormError(describeError(t, e));
                }
              }}
            >
              {t('room.remove')}
            </Button>
          )}
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
