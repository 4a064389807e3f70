import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode } from '@shared/hub/rules';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import type { AttendanceView } from '../../db';
import { PhoneUrl } from './PhoneUrl';
import { QrCode } from './QrCode';
import { phoneVoters } from './session';
import { usePhoneVoting } from './PhoneVotingHost';
import { phoneVoting } from './store';

/**
 * Check-in: each present member's personal join code, read out or shown as a QR code on the
 * laptop screen for the member's phone to scan (one member at a time, never on the projector).
 * A member whose phone lost its login (her code is held by a device she no longer has) gets a
 * new code here: the old one is withdrawn and its phone signed out.
 */
export function JoinCodes({ room }: { room: AttendanceView }) {
  const { t } = useTranslation();
  const pv = usePhoneVoting();
  const [shown, setShown] = useState<string | null>(null);
  /** The member whose code was just reissued (the QR dialog says the old one is void). */
  const [fresh, setFresh] = useState<string | null>(null);
  const [reissuing, setReissuing] = useState<string | null>(null);
  if (pv.meetingId !== room.meeting.id) return null;
  const voters = phoneVoters(room).filter((v) => pv.codes[v.voterId]);
  const joined = new Set(pv.status?.joined ?? []);
  const current = voters.find((v) => v.voterId === shown);
  const confirming = voters.find((v) => v.voterId === reissuing);
  const close = () => {
    setShown(null);
    setFresh(null);
  };
  return (
    <details className="join-codes" data-testid="join-codes">
      <summary>{t('phoneVoting.codes', { count: voters.length })}</summary>
      <p className="muted small">{t('phoneVoting.codesHint')}</p>
      <ul>
        {voters.map((v) => (
          <li key={v.voterId} data-voter={v.voterId}>
            <span className="join-name" title={v.name}>
              {v.name}
              {v.forName && (
                <span className="muted small"> ({t('kiosk.forMember', { name: v.forName })})</span>
              )}
            </span>
            <code className="join-code" data-testid="join-code">
              {formatJoinCode(pv.codes[v.voterId]!)}
            </code>
            {joined.has(v.voterId) ? (
              <span className="join-action">
                <span className="muted small">✓ {t('phoneVoting.joinedMark')}</span>
                <Button variant="ghost" onPress={() => setReissuing(v.voterId)}>
                  {t('phoneVoting.newCode')}
                </Button>
              </span>
            ) : (
              <Button variant="ghost" onPress={() => setShown(v.voterId)}>
                {t('phoneVoting.showQr')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmDialog
          isOpen
          danger={false}
          title={t('phoneVoting.newCodeTitle', { name: confirming.name })}
          text={t('phoneVoting.newCodeConfirm', { name: confirming.name })}
          confirmLabel={t('phoneVoting.newCodeIssue')}
          onCancel={() => setReissuing(null)}
          onConfirm={() => {
            setReissuing(null);
            if (phoneVoting.reissueCode(confirming.voterId)) {
              setFresh(confirming.voterId);
              setShown(confirming.voterId);
            }
          }}
        />
      )}
      {current && (
        <FormDialog title={current.name} isOpen onClose={close}>
          <div className="join-qr">
            {fresh === current.voterId && (
              <p className="notice notice-ok" role="status" data-testid="join-code-new">
                {t('phoneVoting.newCodeIssued')}
              </p>
            )}
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
            <Button variant="primary" onPress={close} autoFocus>
              {t('common.close')}
            </Button>
          </div>
        </FormDialog>
      )}
    </details>
  );
}
