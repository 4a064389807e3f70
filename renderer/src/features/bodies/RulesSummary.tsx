import { useTranslation } from 'react-i18next';
import type { RulesOfProcedure } from '@shared/domain';

export function useQuorumRuleText() {
  const { t } = useTranslation();
  return (rules: RulesOfProcedure) =>
    t('rules.quorumSummary', {
      op: rules.quorum.strict ? t('rules.quorumStrict') : t('rules.quorumAtLeast'),
      n: rules.quorum.numerator,
      d: rules.quorum.denominator,
    });
}

export function RulesSummary({ rules }: { rules: RulesOfProcedure }) {
  const { t } = useTranslation();
  const quorumText = useQuorumRuleText();
  const majority = {
    present: t('rules.majorityPresent'),
    all: t('rules.majorityAll'),
    cast: t('rules.majorityCast'),
    simple: t('rules.majoritySimple'),
  }[rules.majority];
  return (
    <dl className="rules-summary">
      <dt>{t('rules.quorum')}</dt>
      <dd>{quorumText(rules)}</dd>
      <dt>{t('rules.majority')}</dt>
      <dd>{majority}</dd>
      <dt>{t('rules.tie')}</dt>
      <dd>{rules.tieRule === 'chairDecides' ? t('rules.tieChair') : t('rules.tieRejected')}</dd>
      <dt>{t('rules.leadTime')}</dt>
      <dd>
        {rules.leadTime.days}{' '}
        {rules.leadTime.unit === 'working' ? t('rules.workingDays') : t('rules.calendarDays')}
      </dd>
      <dt>{t('rules.excuseDeadline')}</dt>
      <dd>{rules.excuseDeadlineDays}</dd>
      <dt>{t('rules.guestsVote')}</dt>
      <dd>{rules.guestsVote ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('rules.substituteOther')}</dt>
      <dd>{rules.substituteFromOtherOrganization ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('rules.absenceWarning')}</dt>
      <dd>{rules.absenceWarningAfter}</dd>
    </dl>
  );
}
