import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { TextInput } from '../../components/fields';
import { db, imageType, saveProjectSettings, type ProjectSettings } from '../../db';

/** Project block printed in the header of every exported document (ESF publicity). */
export function ProjectSettingsForm({ initial }: { initial: ProjectSettings | undefined }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    organizationName: initial?.organizationName ?? '',
    recipient: initial?.recipient ?? '',
    projectName: initial?.projectName ?? '',
    registrationNumber: initial?.registrationNumber ?? '',
    funderLine: initial?.funderLine ?? '',
    logoAltText: initial?.logoAltText ?? '',
  });
  const [logo, setLogo] = useState(initial?.logo);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function pickLogo(file: File | undefined) {
    setMessage(undefined);
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ ok: false, text: t('errors.logoTooLarge') });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = imageType(bytes);
    if (!type) return setMessage({ ok: false, text: t('errors.logoType') });
    try {
      const bitmap = await createImageBitmap(new Blob([bytes]));
      setLogo({ bytes, type, widthPx: bitmap.width, heightPx: bitmap.height });
      bitmap.close();
    } catch {
      setMessage({ ok: false, text: t('errors.logoType') });
    }
  }

  async function submit() {
    try {
      await saveProjectSettings(db, { ...form, logo });
      setErrors({});
      setMessage({ ok: true, text: t('common.saved') });
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setMessage({ ok: false, text: describeError(t, e) });
    }
  }

  const preview = logo
    ? URL.createObjectURL(
        new Blob([logo.bytes.slice()], { type: logo.type === 'png' ? 'image/png' : 'image/jpeg' }),
      )
    : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('settings.project')}
    >
      <p className="muted">{t('settings.projectHint')}</p>
      <div className="form-grid">
        <TextInput
          label={t('settings.organizationName')}
          value={form.organizationName}
          onChange={set('organizationName')}
          error={errors.organizationName}
          hint={t('settings.organizationNameHint')}
        />
        <TextInput
          label={t('settings.recipient')}
          value={form.recipient}
          onChange={set('recipient')}
          error={errors.recipient}
        />
        <TextInput
          label={t('settings.projectName')}
          value={form.projectName}
          onChange={set('projectName')}
          error={errors.projectName}
          className="span-all"
        />
        <TextInput
          label={t('settings.registrationNumber')}
          value={form.registrationNumber}
          onChange={set('registrationNumber')}
          error={errors.registrationNumber}
          hint="CZ.03.2.63/0.0/0.0/19_106/0015192"
        />
        <TextInput
          label={t('settings.funderLine')}
          value={form.funderLine}
          onChange={set('funderLine')}
          error={errors.funderLine}
          className="span-all"
        />
      </div>
      <div className="field">
        <label htmlFor="logo-file">{t('settings.logo')}</label>
        <input
          id="logo-file"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => void pickLogo(e.target.files?.[0])}
        />
        <span className="field-hint">{t('settings.logoHint')}</span>
        {preview && (
          <img
            src={preview}
            alt={form.logoAltText || t('settings.logo')}
            className="logo-preview"
          />
        )}
        {logo && (
          <TextInput
            label={t('settings.logoAltText')}
            value={form.logoAltText}
            onChange={set('logoAltText')}
            error={errors.logoAltText}
            hint={t('settings.logoAltTextHint')}
          />
        )}
        {logo && (
          <Button variant="ghost" onPress={() => setLogo(undefined)}>
            {t('settings.removeLogo')}
          </Button>
        )}
      </div>
      {message && (
        <p
          className={message.ok ? 'notice notice-ok' : 'form-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
