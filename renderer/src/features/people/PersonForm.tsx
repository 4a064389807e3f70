import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonInput, TriadRole } from '@shared/domain';
import { TRIAD_ROLES } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { createPerson, db, updatePerson, useOrganizations } from '../../db';

interface Props {
  person?: Person;
  title?: string;
  onClose: (saved?: Person) => void;
  /** Replaces saving to the address book (e.g. a guest created together with attendance). */
  onSubmit?: (input: PersonInput) => Promise<void>;
}

export function PersonForm({ person, title, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const [form, setForm] = useState({
    title: person?.title ?? '',
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    organizationId: person?.organizationId ?? '',
    triadRole: (person?.triadRole ?? 'provider') as TriadRole,
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    note: person?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit() {
    try {
      if (onSubmit) {
        await onSubmit(form);
        onClose();
      } else if (person) {
        await updatePerson(db, person.id, form);
        onClose();
      } else {
        onClose(await createPerson(db, form));
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog
      title={title ?? (person ? t('people.edit') : t('people.add'))}
      isOpen
      onClose={() => onClose()}
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
          <TextInput
            label={t('people.titleField')}
            value={form.title}
            onChange={set('title')}
            error={errors.title}
            className="span-1"
          />
          <TextInput
            label={t('people.firstName')}
            value={form.firstName}
            onChange={set('firstName')}
            error={errors.firstName}
            autoFocus
            required
          />
          <TextInput
            label={t('people.lastName')}
            value={form.lastName}
            onChange={set('lastName')}
            error={errors.lastName}
            required
          />
          <SelectInput
            label={t('people.organization')}
            value={form.organizationId}
            onChange={set('organizationId')}
            emptyLabel={t('people.noOrganization')}
            options={(orgs ?? []).map((o) => ({ value: o.id, label: o.name }))}
            error={errors.organizationId}
          />
          <SelectInput
            label={t('triad.label')}
            value={form.triadRole}
            onChange={set('triadRole')}
            options={TRIAD_ROLES.map((r) => ({ value: r, label: t(`triad.${r}`) }))}
            error={errors.triadRole}
          />
          <TextInput
            label={t('people.email')}
            type="email"
            value={form.email}
            onChange={set('email')}
            error={errors.email}
          />
          <TextInput
            label={t('people.phone')}
            type="tel"
            value={form.phone}
            onChange={set('phone')}
            error={errors.phone}
          />
          <TextInput
            label={t('people.note')}
            value={form.note}
            onChange={set('note')}
            error={errors.note}
            multiline
            className="span-all"
          />
        </div>
        <FormError message={formError} />
        <div className="form-actions">
          <Button onPress={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
