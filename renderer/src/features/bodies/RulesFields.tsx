import { useTranslation } from 'react-i18next';
import type { RulesOfProcedure } from '@shared/domain';
import { CheckboxInput, SelectInput, TextInput } from '../../components/fields';

interface Props {
  rules: RulesOfProcedure;
  onChange: (rules: RulesOfProcedure) => void;
  errors: Record<string, string>;
}

const toInt = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** The rules of procedure as form fields; validation happens in the body schema on save. */
export function RulesFields({ rules, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<RulesOfProcedure>) => onChange({ ...rules, ...patch });
  return (
    <div className="form-grid">
      <SelectInput
        label={t('rules.quorum')}
        value={rules.quorum.strict ? 'strict' : 'atLeast'}
        onChange={(v) => set({ quorum: { ...rules.quorum, strict: v === 'strict' } })}
        options={[
          { value: 'strict', label: t('rules.quorumStrict') },
          { value: 'atLeast', label: t('rules.quorumAtLeast') },
        ]}
      />
      <div className="fraction">
        <TextInput
          label={t('rules.numerator')}
          type="number"
          min={1}
          value={Number.isNaN(rules.quorum.numerator) ? '' : String(rules.quorum.numerator)}
          onChange={(v) => set({ quorum: { ...rules.quorum, numerator: toInt(v) } })}
          error={errors['rules.quorum.numerator'] ?? errors['rules.quorum']}
        />
        <span aria-hidden="true" className="fraction-slash">
          /
        </span>
        <TextInput
          label={t('rules.denominator')}
          type="number"
          min={1}
          value={Number.isNaN(rules.quorum.denominator) ? '' : String(rules.quorum.denominator)}
          onChange={(v) => set({ quorum: { ...rules.quorum, denominator: toInt(v) } })}
          error={errors['rules.quorum.denominator']}
          hint={t('rules.quorumOf')}
        />
      </div>
      <SelectInput
        label={t('rules.majority')}
        value={rules.majority}
        onChange={(v) => set({ majority: v as RulesOfProcedure['majority'] })}
        options={[
          { value: 'present', label: t('rules.majorityPresent') },
          { value: 'all', label: t('rules.majorityAll') },
          { value: 'cast', label: t('rules.majorityCast') },
          { value: 'simple', label: t('rules.majoritySimple') },
        ]}
      />
      <SelectInput
        label={t('rules.tie')}
        value={rules.tieRule}
        onChange={(v) => set({ tieRule: v as RulesOfProcedure['tieRule'] })}
        options={[
          { value: 'chairDecides', label: t('rules.tieChair') },
          { value: 'rejected', label: t('rules.tieRejected') },
        ]}
      />
      <TextInput
        label={`${t('rules.leadTime')} (${t('rules.leadDays')})`}
        type="number"
        min={0}
        value={Number.isNaN(rules.leadTime.days) ? '' : String(rules.leadTime.days)}
        onChange={(v) => set({ leadTime: { ...rules.leadTime, days: toInt(v) } })}
        error={errors['rules.leadTime.days']}
      />
      <SelectInput
        label={t('rules.leadTime')}
        value={rules.leadTime.unit}
        onChange={(v) =>
          set({ leadTime: { ...rules.leadTime, unit: v as 'calendar' | 'working' } })
        }
        options={[
          { value: 'calendar', label: t('rules.calendarDays') },
          { value: 'working', label: t('rules.workingDays') },
        ]}
      />
      <TextInput
        label={t('rules.excuseDeadline')}
        type="number"
        min={0}
        value={Number.isNaN(rules.excuseDeadlineDays) ? '' : String(rules.excuseDeadlineDays)}
        onChange={(v) => set({ excuseDeadlineDays: toInt(v) })}
        error={errors['rules.excuseDeadlineDays']}
      />
      <TextInput
        label={t('rules.absenceWarning')}
        type="number"
        min={0}
        value={Number.isNaN(rules.absenceWarningAfter) ? '' : String(rules.absenceWarningAfter)}
        onChange={(v) => set({ absenceWarningAfter: toInt(v) })}
        error={errors['rules.absenceWarningAfter']}
      />
      <CheckboxInput
        label={t('rules.guestsVote')}
        checked={rules.guestsVote}
        onChange={(v) => set({ guestsVote: v })}
      />
      <CheckboxInput
        label={t('rules.substituteOther')}
        checked={rules.substituteFromOtherOrganization}
        onChange={(v) => set({ substituteFromOtherOrganization: v })}
      />
    </div>
  );
}
