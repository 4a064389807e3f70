import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode } from '@shared/hub/rules';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import type { AttendanceView } from '../../db';
import { PhoneUrl } from './PhoneUrl';
import { QrCode } from './QrCode';
import { phoneVoters } from './session';
import { usePhoneVoting } from './PhoneVotingHost';

/**
 * Check-in: each present member's personal join code, read out or shown as a QR code on the
 * laptop screen for the member's phone to scan (one member at a time, never on the projector).
 */
export function JoinCodes({ room }: { room: AttendanceView }) {
  const { t } = useTranslation();
  const pv = usePhoneVoting();
  const [shown, setShown] = useState<string | null>(null);
  if (pv.meetingId !== room.meeting.id) return null;
  const voters = phoneVoters(room).filter((v) => pv.codes[v.voterId]);
  const joined = new Set(pv.status?.joined ?? []);
  const current = voters.find((v) => v.voterId === shown);
  return (
    <details className="join-codes" data-testid="join-codes">
      <summary>{t('phoneVoting.codes', { count: voters.length })}</summary>
      <p className="muted small">{t('phoneVoting.codesHint')}</p>
      <ul>
        {voters.map((v) => (
          <li key={v.voterId} data-voter={v.voterId}>
            <span className="join-name" title={v.name}>
              {v.name}
            </span>
            <code className="join-code" data-testid="join-code">
              {formatJoinCode(pv.codes[v.voterId]!)}
            </code>
            {joined.has(v.voterId) ? (
              <span className="muted small">✓ {t('phoneVoting.joinedMark')}</span>
            ) : (
              <Button variant="ghost" onPress={() => setShown(v.voterId)}>
                {t('phoneVoting.showQr')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {current && (
        <FormDialog title={current.name} isOpen onClose={() => setShown(null)}>
          <div className="join-qr">
            {pv.url ? (
              <QrCode
                text={`${pv.url}?code=${pv.codes[current.voterId]}`}
                size={280}
                label={t('phoneVoting.qrPersonal', { name: current.name })}
              />
            ) : (
              <p className="muted">{t('phoneVoting.notStarted')}</p>
            )}
            <p className="join-code-big">{formatJoinCode(pv.codes[current.voterId]!)}</p>
            {pv.url && (
              <p className="muted join-link" data-testid="join-link">
                <PhoneUrl url={`${pv.url}?code=${pv.codes[current.voterId]}`} />
              </p>
            )}
          </div>
          <div className="form-actions">
            <Button variant="primary" onPress={() => setShown(null)} autoFocus>
              {t('common.close')}
            </Button>
          </div>
        </FormDialog>
      )}
    </details>
  );
}
