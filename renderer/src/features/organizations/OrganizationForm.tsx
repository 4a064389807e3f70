import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationKind } from '@shared/domain';
import { ORGANIZATION_KINDS } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { createOrganization, db, updateOrganization } from '../../db';

interface Props {
  organization?: Organization;
  onClose: (saved?: Organization) => void;
}

export function OrganizationForm({ organization, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization?.name ?? '');
  const [ico, setIco] = useState(organization?.ico ?? '');
  const [kind, setKind] = useState<OrganizationKind>(organization?.kind ?? 'provider');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit() {
    try {
      const input = { name, ico, kind };
      if (organization) {
        await updateOrganization(db, organization.id, input);
        onClose({ ...organization, ...input });
      } else {
        onClose(await createOrganization(db, input));
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog
      title={organization ? t('orgs.edit') : t('orgs.add')}
      isOpen
      onClose={() => onClose()}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          label={t('orgs.name')}
          value={name}
          onChange={setName}
          error={errors.name}
          autoFocus
          required
        />
        <TextInput
          label={t('orgs.ico')}
          value={ico}
          onChange={setIco}
          error={errors.ico}
          hint={t('orgs.icoHint')}
        />
        <SelectInput
          label={t('orgs.kind')}
          value={kind}
          onChange={(v) => setKind(v as OrganizationKind)}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
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
