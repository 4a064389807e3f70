import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { connectHub, type HubStatus } from '../../platform/hub';
import { QrCode } from './QrCode';

/** The hub's status as a watcher (never the owner: the projector stores nothing). */
function useHubStatus(): HubStatus | null {
  const [status, setStatus] = useState<HubStatus | null>(null);
  useEffect(() => {
    const client = connectHub({ owner: false });
    if (client.connection === 'unavailable') return () => client.close();
    const off = client.onStatus(setStatus);
    client.status().then(setStatus, () => undefined);
    return () => {
      off();
      client.close();
    };
  }, []);
  return status;
}

/**
 * The projector's invitation to vote from phones: the meeting's QR code and address, and how
 * many ballots came from phones. Never a name. Shown only while the hub serves this meeting.
 */
export function ProjectorJoin({ meetingId, poll }: { meetingId: string; poll?: PollRecord }) {
  const { t } = useTranslation();
  const status = useHubStatus();
  if (!status?.lan.running || status.session?.meetingId !== meetingId) return null;
  const url = status.lan.url;
  const anonymous = status.session.mode === 'anonymous';
  const hubPoll = poll?.status === 'open' ? status.polls.find((p) => p.id === poll.id) : undefined;
  return (
    <aside
      className="projector-join"
      data-testid="projector-join"
      aria-label={t('phoneVoting.projectorJoin')}
    >
      <h2>{t('phoneVoting.projectorJoin')}</h2>
      <div className="projector-qr">
        <QrCode text={url} size={360} label={t('phoneVoting.qrMeeting')} />
      </div>
      <p className="projector-url" data-testid="projector-url">
        {url}
      </p>
      <p className="projector-join-hint">
        {anonymous ? t('phoneVoting.projectorJoinAnonymous') : t('phoneVoting.projectorJoinHint')}
      </p>
      {hubPoll && (
        <p className="projector-phones" data-testid="projector-phones">
          {t('phoneVoting.projectorPhones', { count: hubPoll.stored })}
        </p>
      )}
    </aside>
  );
}
