import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { Button } from '../../components/Button';

interface Props {
  poll: PollRecord;
  onSubmit: (choice: Record<string, unknown>) => void;
  busy: boolean;
}

/** One member's ballot, in large print; its state lives only until the ballot is cast. */
export function BallotForm({ poll, onSubmit, busy }: Props) {
  const { t } = useTranslation();
  const d = poll.definition;
  const [vote, setVote] = useState<'yes' | 'no' | 'abstain' | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [ranks, setRanks] = useState<Record<string, number>>({});
  const [scores, setScores] = useState<Record<string, number>>({});

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

  const submit = () => {
    if (d.method === 'singleChoice' || d.method === 'approval') onSubmit({ choices });
    else if (d.method === 'points')
      onSubmit({ points: Object.fromEntries(Object.entries(points).filter(([, v]) => v > 0)) });
    else if (d.method === 'borda' || d.method === 'schulze')
      onSubmit({
        ranking: Object.entries(ranks)
          .filter(([, r]) => r > 0)
          .map(([optionId, rank]) => ({ optionId, rank })),
      });
    else onSubmit({ scores });
  };

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
      <Button type="submit" variant="primary" className="ballot-submit" isDisabled={busy}>
        {t('kiosk.submit')}
      </Button>
    </form>
  );
}
