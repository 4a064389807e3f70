import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { SelectInput } from '../../components/fields';
import { usePeople, type AttendanceView, type MemberRow } from '../../db';

interface Props {
  member: MemberRow;
  view: AttendanceView;
  onClose: () => void;
  onPick: (substituteId: string) => Promise<void>;
}

export function SubstituteDialog({ member, view, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const people = usePeople();
  const [substituteId, setSubstituteId] = useState(
    view.attendance.get(member.personId)?.substituteId ?? member.substituteId ?? '',
  );
  const options = (people ?? [])
    .filter((p) => p.id !== member.personId)
    .map((p) => ({
      value: p.id,
      label: `${p.lastName} ${p.firstName}${p.organizationName ? ` (${p.organizationName})` : ''}${p.id === member.substituteId ? ` – ${t('attendance.substituteDefault')}` : ''}`,
    }));
  return (
    <FormDialog
      title={`${t('attendance.pickSubstitute')} – ${fullName(member.person)}`}
      isOpen
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (substituteId) void onPick(substituteId);
        }}
      >
        <SelectInput
          label={t('attendance.substituteBy')}
          value={substituteId}
          onChange={setSubstituteId}
          emptyLabel="—"
          options={options}
        />
        <div className="form-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" isDisabled={!substituteId}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
