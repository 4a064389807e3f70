import { useTranslation } from 'react-i18next';
import type { PollRecord, Resolution } from '@shared/domain';
import { rankedOptions } from '@shared/domain';
import { valueText } from './pollText';

/**
 * Results as bars, best first; ties say so. Never shows who voted how. Each bar is sized to
 * the leader over the full width of the list (its own row in the room, a wide column on the
 * projector), so a result is readable and not a 1–2 px sliver. The rank is a badge, not "1.",
 * so an option labelled with its plan code never reads "1. 1.1".
 */
export function PollResultView({
  poll,
  resolution,
  large = false,
}: {
  poll: PollRecord;
  /** The resolution the poll decided: a yes/no result says whether it passed. */
  resolution?: Resolution;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const result = poll.result;
  if (!result) return null;
  const cls = `result-bars ${large ? 'large' : ''}`;
  if (result.method === 'resolution') {
    const { yes, no, abstain } = result.counts;
    const max = Math.max(1, yes, no, abstain);
    return (
      <>
        {resolution && (
          <p
            className={`poll-outcome outcome-${resolution.outcome} ${large ? 'large' : ''}`}
            data-testid="poll-outcome"
          >
            {t('polls.outcomeLine', {
              number: resolution.number,
              outcome: t(`resolutions.outcome.${resolution.outcome}`),
            })}
          </p>
        )}
        <ul className={cls} data-testid="poll-result">
          {(
            [
              ['yes', t('resolutions.yes'), yes],
              ['no', t('resolutions.no'), no],
              ['abstain', t('resolutions.abstain'), abstain],
            ] as const
          ).map(([key, label, value]) => (
            <li key={key} className={`bar-${key}`}>
              <span className="bar-label">{label}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ width: `${(100 * value) / max}%` }} />
              </span>
              <span className="bar-value">{value}</span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const ranked = rankedOptions(poll);
  const max = Math.max(1, ...ranked.map((r) => r.value));
  return (
    <>
      {poll.anonymous && (
        <p className="notice notice-warning" data-testid="anonymous-notice">
          {t('phoneVoting.anonymousNotice')}
        </p>
      )}
      <ol className={cls} data-testid="poll-result">
        {ranked.map((r) => (
          <li key={r.label} className={r.rank === 1 ? 'bar-first' : undefined}>
            <span className="bar-rank" aria-label={t('polls.rankLabel', { rank: r.rank })}>
              {r.rank}
            </span>
            <span className="bar-label" title={r.label}>
              {r.label}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${(100 * r.value) / max}%` }} />
            </span>
            <span className="bar-value">{valueText(t, poll, r.value)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
