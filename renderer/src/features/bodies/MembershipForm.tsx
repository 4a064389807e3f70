import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, Membership } from '@shared/domain';
import { MEMBER_ROLES } from '@shared/domain';

import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { CheckboxInput, SelectInput, TextInput, FormFooter } from '../../components/fields';
import { addMembership, db, todayIso, updateMembership, usePeople } from '../../db';

export function MembershipForm({
  bodyId,
  membership,
  onClose,
}: {
  bodyId: string;
  membership?: Membership;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const [form, setForm] = useState({
    personId: membership?.personId ?? '',
    role: (membership?.role ?? 'member') as MemberRole,
    votingRight: membership?.votingRight ?? true,
    substituteId: membership?.substituteId ?? '',
    from: membership?.from ?? todayIso(),
    to: membership?.to ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const personOptions = (people ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName} ${p.firstName}${p.organizationName ? ` (${p.organizationName})` : ''}`,
  }));

  async function submit() {
    try {
      const input = { ...form, bodyId };
      if (membership) await updateMembership(db, membership.id, input);
      else await addMembership(db, input);
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog
      title={membership ? t('bodies.editMember') : t('bodies.addMember')}
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
            label={t('bodies.person')}
            value={form.personId}
            onChange={(personId) => setForm((f) => ({ ...f, personId }))}
            emptyLabel="—"
            options={personOptions}
            error={errors.personId}
            className="span-all"
          />
          <SelectInput
            label={t('bodies.role')}
            value={form.role}
            onChange={(v) => setForm((f) => ({ ...f, role: v as MemberRole }))}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
          />
          <CheckboxInput
            label={t('bodies.votingRight')}
            checked={form.votingRight}
            onChange={(votingRight) => setForm((f) => ({ ...f, votingRight }))}
          />
          <SelectInput
            label={t('bodies.substitute')}
            value={form.substituteId}
            onChange={(substituteId) => setForm((f) => ({ ...f, substituteId }))}
            emptyLabel={t('bodies.noSubstitute')}
            options={personOptions.filter((o) => o.value !== form.personId)}
            error={errors.substituteId}
            className="span-all"
          />
          <TextInput
            label={t('bodies.from')}
            type="date"
            value={form.from}
            onChange={(from) => setForm((f) => ({ ...f, from }))}
            error={errors.from}
          />
          <TextInput
            label={t('bodies.to')}
            type="date"
            value={form.to}
            onChange={(to) => setForm((f) => ({ ...f, to }))}
            error={errors.to}
          />
        </div>
        <FormFooter error={formError} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
