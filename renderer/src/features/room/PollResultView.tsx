import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { rankedOptions } from '@shared/domain';
import { valueText } from './pollText';

/** Results as bars, best first; ties say so. Never shows who voted how. */
export function PollResultView({ poll, large = false }: { poll: PollRecord; large?: boolean }) {
  const { t } = useTranslation();
  const result = poll.result;
  if (!result) return null;
  if (result.method === 'resolution') {
    const { yes, no, abstain } = result.counts;
    const max = Math.max(1, yes, no, abstain);
    return (
      <ul className={`result-bars ${large ? 'large' : ''}`} data-testid="poll-result">
        {(
          [
            ['yes', t('resolutions.yes'), yes],
            ['no', t('resolutions.no'), no],
            ['abstain', t('resolutions.abstain'), abstain],
          ] as const
        ).map(([key, label, value]) => (
          <li key={key} className={`bar-${key}`}>
            <span className="bar-label">{label}</span>
            <span className="bar" style={{ width: `${(100 * value) / max}%` }} />
            <span className="bar-value">{value}</span>
          </li>
        ))}
      </ul>
    );
  }
  const ranked = rankedOptions(poll);
  const max = Math.max(1, ...ranked.map((r) => r.value));
  return (
    <ol className={`result-bars ${large ? 'large' : ''}`} data-testid="poll-result">
      {ranked.map((r) => (
        <li key={r.label}>
          <span className="bar-rank">{r.rank}.</span>
          <span className="bar-label">{r.label}</span>
          <span className="bar" style={{ width: `${(100 * r.value) / max}%` }} />
          <span className="bar-value">{valueText(t, poll, r.value)}</span>
        </li>
      ))}
    </ol>
  );
}
