import { useTranslation } from 'react-i18next';
import type { QuorumState, RulesOfProcedure } from '@shared/domain';
import { TRIAD_ROLES } from '@shared/domain';
import { useQuorumRuleText } from '../bodies/RulesSummary';

/** The live quorum: recomputed by the live query whenever someone arrives or leaves. */
export function QuorumPanel({
  quorum,
  rules,
  large = false,
}: {
  quorum: QuorumState;
  rules: RulesOfProcedure;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const ruleText = useQuorumRuleText();
  const missing = Math.max(0, quorum.required - quorum.presentVoting);
  const total = TRIAD_ROLES.reduce((s, r) => s + quorum.triad[r], 0);
  return (
    <section
      className={`quorum-panel ${quorum.quorate ? 'is-quorate' : 'not-quorate'} ${large ? 'large' : ''}`}
      aria-labelledby="quorum-title"
      aria-live="polite"
    >
      <h2 id="quorum-title" className="quorum-title">
        {t('quorum.title')}
      </h2>
      <p className="quorum-verdict" data-testid="quorum-verdict">
        {quorum.quorate ? t('quorum.quorate') : t('quorum.notQuorate')}
      </p>
      <p className="quorum-count" data-testid="quorum-count">
        <span className="big">
          {t('quorum.ofVoting', { present: quorum.presentVoting, total: quorum.votingMembers })}
        </span>
        <span className="muted"> · {t('quorum.required', { required: quorum.required })}</span>
      </p>
      {missing > 0 && <p className="quorum-missing">{t('quorum.missing', { count: missing })}</p>}
      <div className="meter" aria-hidden="true">
        <div
          className="meter-fill"
          style={{
            width: `${quorum.votingMembers ? (100 * quorum.presentVoting) / quorum.votingMembers : 0}%`,
          }}
        />
        {quorum.votingMembers > 0 && (
          <div
            className="meter-mark"
            style={{ left: `${(100 * quorum.required) / quorum.votingMembers}%` }}
          />
        )}
      </div>
      <h3 className="quorum-sub">{t('quorum.triad')}</h3>
      <ul className="triad-counts" data-testid="triad-counts">
        {TRIAD_ROLES.map((role) => (
          <li key={role} className={`triad-${role}`}>
            <span
              className="triad-bar"
              style={{ width: `${total ? (100 * quorum.triad[role]) / total : 0}%` }}
              aria-hidden="true"
            />
            <span className="triad-label">{t(`triad.plural.${role}`)}</span>
            <span className="triad-value" data-role={role}>
              {quorum.triad[role]}
            </span>
          </li>
        ))}
      </ul>
      {quorum.guests > 0 && (
        <p className="muted">
          {t('quorum.guests')}: {quorum.guests} ({t('attendance.noVote')})
        </p>
      )}
      <p className="muted small">{t('quorum.rule', { rule: ruleText(rules) })}</p>
    </section>
  );
}
