import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import type { BallotGap } from './ballotCheck';

/** Asks once before an empty or incomplete ballot is cast; "back" keeps the ballot as it was. */
export function ConfirmBallot({
  gaps,
  busy,
  onBack,
  onConfirm,
}: {
  gaps: BallotGap[];
  busy: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const line = (g: BallotGap) => {
    switch (g.kind) {
      case 'abstain':
        return t('kiosk.confirmAbstain');
      case 'empty':
        return t('kiosk.confirmEmpty');
      case 'pointsLeft':
        return t('kiosk.confirmPointsLeft', { count: g.left, total: g.total });
      case 'ranked':
        return t('kiosk.confirmRanked', { ranked: g.ranked, total: g.total });
    }
  };
  return (
    <section
      className="ballot-confirm"
      role="alertdialog"
      aria-labelledby="ballot-confirm-title"
      aria-describedby="ballot-confirm-text"
    >
      <h3 id="ballot-confirm-title">
        {gaps.some((g) => g.kind === 'abstain')
          ? t('kiosk.confirmAbstainTitle')
          : t('kiosk.confirmTitle')}
      </h3>
      <div id="ballot-confirm-text">
        {gaps.map((g) => (
          <p key={g.kind} className="kiosk-big">
            {line(g)}
          </p>
        ))}
        <p>{t('kiosk.confirmFinal')}</p>
      </div>
      <div className="ballot-actions">
        {/* Going back is the safe default: it has the focus. */}
        <Button variant="primary" className="ballot-submit" autoFocus onPress={onBack}>
          {t('kiosk.confirmBack')}
        </Button>
        <Button className="ballot-submit" isDisabled={busy} onPress={onConfirm}>
          {gaps.some((g) => g.kind === 'abstain')
            ? t('kiosk.confirmAbstainSend')
            : t('kiosk.confirmSend')}
        </Button>
      </div>
    </section>
  );
}
