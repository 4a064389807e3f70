import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, BodyKind, RulesOfProcedure } from '@shared/domain';
import { BODY_KINDS, DEFAULT_RULES, resolutionNumber } from '@shared/domain';

import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { SelectInput, TextInput, FormFooter } from '../../components/fields';
import { createBody, db, updateBody } from '../../db';
import { RulesFields } from './RulesFields';

export function BodyForm({ body, onClose }: { body?: Body; onClose: (saved?: Body) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BodyKind>(body?.kind ?? 'working');
  const [code, setCode] = useState(body?.code ?? '');
  const [name, setName] = useState(body?.name ?? '');
  const [targetGroup, setTargetGroup] = useState(body?.targetGroup ?? '');
  const [rules, setRules] = useState<RulesOfProcedure>(body?.rules ?? DEFAULT_RULES);
  const [resolutionPattern, setResolutionPattern] = useState(body?.resolutionPattern ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  async function submit() {
    const input = { kind, code, name, targetGroup, rules, resolutionPattern };
    try {
      if (body) {
        await updateBody(db, body.id, input);
        onClose();
      } else {
        onClose(await createBody(db, input));
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog
      title={body ? t('bodies.edit') : t('bodies.add')}
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
          <SelectInput
            label={t('bodies.kind')}
            value={kind}
            onChange={(v) => setKind(v as BodyKind)}
            options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
          />
          <TextInput
            label={t('bodies.code')}
            value={code}
            onChange={setCode}
            error={errors.code}
            hint={t('bodies.codeHint')}
            autoFocus
            required
          />
          <TextInput
            label={t('bodies.name')}
            value={name}
            onChange={setName}
            error={errors.name}
            required
            className="span-all"
          />
          <TextInput
            label={t('bodies.targetGroup')}
            value={targetGroup}
            onChange={setTargetGroup}
            error={errors.targetGroup}
            className="span-all"
          />
          <TextInput
            label={t('bodies.resolutionPattern')}
            value={resolutionPattern}
            onChange={setResolutionPattern}
            error={errors.resolutionPattern}
            hint={t('bodies.resolutionPatternHint', {
              example: resolutionNumber(resolutionPattern || undefined, {
                bodyCode: code || 'PS1',
                meetingSeq: 3,
                year: 2026,
                seq: 2,
              }),
            })}
            className="span-all"
          />
        </div>
        <fieldset className="rules-fieldset">
          <legend>{t('bodies.rules')}</legend>
          <RulesFields rules={rules} onChange={setRules} errors={errors} />
        </fieldset>
        <FormFooter error={formError} onCancel={() => onClose()} />
      </form>
    </FormDialog>
  );
}
