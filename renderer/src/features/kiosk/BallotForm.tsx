import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { Button } from '../../components/Button';
import { ballotGaps, blankChoice, choiceIssue, type BallotGap } from './ballotCheck';
import { ConfirmBallot } from './ConfirmBallot';

interface Props {
  poll: PollRecord;
  onSubmit: (choice: Record<string, unknown>) => void;
  busy: boolean;
}

/**
 * One member's ballot, in large print; its state lives only until the ballot is cast.
 * A ballot cannot be changed once cast, so an empty or incomplete one is never cast in one
 * tap: the member sees what is missing, in plain words, and can go back to the ballot.
 */
export function BallotForm({ poll, onSubmit, busy }: Props) {
  const { t } = useTranslation();
  const d = poll.definition;
  const [vote, setVote] = useState<'yes' | 'no' | 'abstain' | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [ranks, setRanks] = useState<Record<string, number>>({});
  const [scores, setScores] = useState<Record<string, number>>({});
  const [pending, setPending] = useState<{
    choice: Record<string, unknown>;
    gaps: BallotGap[];
  } | null>(null);
  const [problem, setProblem] = useState<string>();

  if (pending)
    return (
      <ConfirmBallot
        gaps={pending.gaps}
        busy={busy}
        onBack={() => setPending(null)}
        onConfirm={() => onSubmit(pending.choice)}
      />
    );

  if (d.method === 'resolution') {
    return (
      <form
        className="ballot"
        onSubmit={(e) => {
          e.preventDefault();
          if (vote) onSubmit({ vote });
        }}
      >
        <div className="ballot-yesno" role="radiogroup" aria-label={poll.title}>
          {(['yes', 'no', 'abstain'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={vote === v}
              className={`ballot-big ballot-${v}`}
              onClick={() => setVote(v)}
            >
              {t(`kiosk.${v}`)}
            </button>
          ))}
        </div>
        <Button
          type="submit"
          variant="primary"
          className="ballot-submit"
          isDisabled={!vote || busy}
        >
          {t('kiosk.submit')}
        </Button>
      </form>
    );
  }

  const choice = (): Record<string, unknown> => {
    if (d.method === 'singleChoice' || d.method === 'approval') return { choices };
    if (d.method === 'points')
      return { points: Object.fromEntries(Object.entries(points).filter(([, v]) => v > 0)) };
    if (d.method === 'borda' || d.method === 'schulze')
      return {
        ranking: Object.entries(ranks)
          .filter(([, r]) => r > 0)
          .map(([optionId, rank]) => ({ optionId, rank })),
      };
    return { scores };
  };
  const submit = () => {
    const c = choice();
    const issue = choiceIssue(d, c);
    if (issue) {
      setProblem(t(`errors.ballot.${issue}`));
      return;
    }
    setProblem(undefined);
    const gaps = ballotGaps(d, c);
    if (gaps.length > 0) setPending({ choice: c, gaps });
    else onSubmit(c);
  };
  const blank = blankChoice(d);

  const spent = Object.values(points).reduce((a, b) => a + b, 0);
  const cap = d.method === 'points' ? (d.maxPerOption ?? d.pointsPerVoter) : 0;
  const maxRank =
    d.method === 'borda' || d.method === 'schulze' ? (d.maxRanks ?? poll.options.length) : 0;

  return (
    <form
      className="ballot"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {d.method === 'points' && (
        <p className="ballot-remaining" aria-live="polite">
          {t('kiosk.remaining', { count: d.pointsPerVoter - spent })}
        </p>
      )}
      <ul className="ballot-options">
        {poll.options.map((o) => (
          <li key={o.id}>
            <span className="ballot-label" id={`opt-${o.id}`}>
              {o.label}
            </span>
            {d.method === 'singleChoice' && (
              <input
                type="radio"
                name="choice"
                aria-labelledby={`opt-${o.id}`}
                checked={choices[0] === o.id}
                onChange={() => setChoices([o.id])}
              />
            )}
            {d.method === 'approval' && (
              <input
                type="checkbox"
                aria-labelledby={`opt-${o.id}`}
                checked={choices.includes(o.id)}
                onChange={(e) =>
                  setChoices((c) => (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)))
                }
              />
            )}
            {d.method === 'points' && (
              <span className="stepper" role="group" aria-labelledby={`opt-${o.id}`}>
                <button
                  type="button"
                  aria-label={`${t('kiosk.remove')}: ${o.label}`}
                  disabled={(points[o.id] ?? 0) === 0}
                  onClick={() => setPoints((p) => ({ ...p, [o.id]: (p[o.id] ?? 0) - 1 }))}
                >
                  −
                </button>
                <output aria-label={o.label}>{points[o.id] ?? 0}</output>
                <button
                  type="button"
                  aria-label={`${t('kiosk.add')}: ${o.label}`}
                  disabled={(points[o.id] ?? 0) >= cap || spent >= d.pointsPerVoter}
                  onClick={() => setPoints((p) => ({ ...p, [o.id]: (p[o.id] ?? 0) + 1 }))}
                >
                  +
                </button>
              </span>
            )}
            {(d.method === 'borda' || d.method === 'schulze') && (
              <select
                aria-labelledby={`opt-${o.id}`}
                value={ranks[o.id] ?? 0}
                onChange={(e) => setRanks((r) => ({ ...r, [o.id]: Number(e.target.value) }))}
              >
                <option value={0}>{t('kiosk.unranked')}</option>
                {Array.from({ length: maxRank }, (_, i) => i + 1).map((r) => (
                  <option key={r} value={r}>
                    {r}.
                  </option>
                ))}
              </select>
            )}
            {d.method === 'score' && (
              <span className="score-row" role="radiogroup" aria-labelledby={`opt-${o.id}`}>
                {Array.from(
                  { length: (d.scaleMax ?? 5) - (d.scaleMin ?? 0) + 1 },
                  (_, i) => i + (d.scaleMin ?? 0),
                ).map((v) => (
                  <button
                    key={v}
                    type="button"
                    role="radio"
                    aria-checked={scores[o.id] === v}
                    onClick={() => setScores((s) => ({ ...s, [o.id]: v }))}
                  >
                    {v}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="ballot-actions">
        <Button type="submit" variant="primary" className="ballot-submit" isDisabled={busy}>
          {t('kiosk.submit')}
        </Button>
        {blank && (
          <Button
            className="ballot-submit"
            isDisabled={busy}
            onPress={() => setPending({ choice: blank, gaps: [{ kind: 'abstain' }] })}
          >
            {t('kiosk.abstainButton')}
          </Button>
        )}
      </div>
    </form>
  );
}
