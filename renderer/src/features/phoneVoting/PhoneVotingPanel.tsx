import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { SelectInput } from '../../components/fields';
import type { RoomData } from '../../db';
import { CloseDialog } from '../room/CloseDialog';
import { JoinCodes } from './JoinCodes';
import { PhoneUrl } from './PhoneUrl';
import { usePhoneVoting } from './PhoneVotingHost';
import { QrCode } from './QrCode';
import { phoneVoters } from './session';
import { phoneVoting } from './store';

/**
 * The room's phone voting: switch it on, pick the network, see who has joined (named polls)
 * or how many (secret and anonymous polls), watch ballots arrive as a count, close the poll.
 * The kiosk, roll call and hand counts keep working in the same poll.
 */
export function PhoneVotingPanel({
  room,
  locked,
  strip = false,
}: {
  room: RoomData;
  locked: boolean;
  /** Laid out across the item's column (narrower screens), not down the side column. */
  strip?: boolean;
}) {
  const { t } = useTranslation();
  const pv = usePhoneVoting();
  const [address, setAddress] = useState('');
  const [closing, setClosing] = useState(false);
  const [stopping, setStopping] = useState(false);
  const on = pv.meetingId === room.meeting.id;
  const poll =
    room.polls.find((p) => p.status === 'open' && p.id === room.meeting.currentPollId) ??
    room.polls.find((p) => p.status === 'open');

  const className = `phone-voting card${strip ? ' phone-voting-strip' : ''}`;
  // Switched on from the room's header (PhoneVotingSwitch).
  if (!on) return null;

  const status = pv.status;
  const voters = phoneVoters(room);
  const joined = new Set(status?.joined ?? []);
  const joinedVoters = voters.filter((v) => joined.has(v.voterId));
  const hubPoll = poll ? status?.polls.find((p) => p.id === poll.id) : undefined;
  // Names only where the poll names its voters anyway; a secret or public vote shows counts.
  const named = !!poll && !poll.secret && !poll.anonymous;
  const anonymous = status?.session?.mode === 'anonymous';
  const choices = pv.interfaces ?? [];
  // Phones that have joined (not only those whose page is connected this very second).
  const phonesIn = Math.max(
    anonymous ? (status?.devices ?? 0) : joinedVoters.length,
    status?.connected ?? 0,
  );

  return (
    <section className={className} aria-labelledby="phone-voting-title" data-testid="phone-voting">
      <h2 id="phone-voting-title">{t('phoneVoting.title')}</h2>
      <div className="phone-voting-connect">
        {!pv.url && <p className="muted small">{t('phoneVoting.intro')}</p>}
        {pv.error && (
          <p className="notice notice-error" role="alert">
            {t(pv.error as 'phoneVoting.errors.hub')}
          </p>
        )}
        {pv.connection !== 'open' && pv.connection !== 'unavailable' && (
          <p className="notice notice-warning" role="status">
            {t('phoneVoting.connecting')}
          </p>
        )}
        {pv.url ? (
          <div className="phone-voting-url">
            <QrCode text={pv.url} size={strip ? 96 : 120} label={t('phoneVoting.qrMeeting')} />
            <div>
              <p className="small muted">{t('phoneVoting.urlLabel')}</p>
              <p className="phone-url" data-testid="phone-url">
                <PhoneUrl url={pv.url} />
              </p>
            </div>
          </div>
        ) : pv.interfaces === null && !pv.error ? (
          <p className="muted" role="status" data-testid="phone-networks-loading">
            {t('phoneVoting.searchingNetworks')}
          </p>
        ) : choices.length === 0 ? (
          <div className="phone-voting-network">
            <p className="notice notice-warning" role="status" data-testid="phone-no-network">
              {t('phoneVoting.noNetwork')}
            </p>
            <Button variant="ghost" onPress={() => void phoneVoting.loadInterfaces()}>
              {t('phoneVoting.refresh')}
            </Button>
          </div>
        ) : (
          <div className="phone-voting-network">
            <SelectInput
              label={t('phoneVoting.network')}
              hint={t('phoneVoting.networkHint')}
              value={address}
              onChange={setAddress}
              emptyLabel={t('phoneVoting.pickNetwork')}
              options={choices.map((i) => ({
                value: i.address,
                label: t(`phoneVoting.networkKind.${i.kind}`, { address: i.address, name: i.name }),
              }))}
            />
            <div className="form-actions">
              <Button variant="ghost" onPress={() => void phoneVoting.loadInterfaces()}>
                {t('phoneVoting.refresh')}
              </Button>
              <Button
                variant="primary"
                isDisabled={!address}
                onPress={() => void phoneVoting.start(address)}
              >
                {t('phoneVoting.start')}
              </Button>
            </div>
          </div>
        )}
        {/* Who has joined and the codes mean something only once the network is started. */}
        {pv.url && (
          <p data-testid="phone-joined">
            {anonymous
              ? t('phoneVoting.devices', { count: status?.devices ?? 0 })
              : t('phoneVoting.joined', { count: joinedVoters.length, total: voters.length })}
          </p>
        )}
        {pv.url && named && joinedVoters.length > 0 && (
          <details className="phone-joined-names">
            <summary>{t('phoneVoting.whoJoined')}</summary>
            <ul>
              {joinedVoters.map((v) => (
                <li key={v.voterId}>{v.name}</li>
              ))}
            </ul>
          </details>
        )}
        {pv.url && !anonymous && <JoinCodes room={room} />}
        {!locked && (
          <Button
            variant="ghost"
            onPress={() =>
              // Once the address is out (phones may hold it, joined or not), or with a poll on the
              // phones, switching off takes it away from them: ask first.
              pv.url || poll ? setStopping(true) : void phoneVoting.disable()
            }
          >
            {t('phoneVoting.disable')}
          </Button>
        )}
      </div>
      {poll && (
        <div className="phone-voting-poll">
          <p>
            <strong>{poll.title}</strong>
          </p>
          <p data-testid="phone-ballots" aria-live="polite">
            {t('phoneVoting.ballots', { count: hubPoll?.stored ?? 0 })}
            {hubPoll && hubPoll.pending > 0 && (
              <span className="muted">
                {' '}
                · {t('phoneVoting.pending', { count: hubPoll.pending })}
              </span>
            )}
          </p>
          {!hubPoll?.open && pv.url && (
            <p className="muted small">{t('phoneVoting.pollNotOnPhones')}</p>
          )}
          {!locked && (
            <Button variant="danger" onPress={() => setClosing(true)}>
              {t('polls.close')}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        isOpen={stopping}
        title={t('phoneVoting.disableConfirm.title')}
        text={
          phonesIn > 0
            ? t('phoneVoting.disableConfirm.text', { count: phonesIn })
            : t('phoneVoting.disableConfirm.noPhones')
        }
        confirmLabel={t('phoneVoting.disable')}
        onCancel={() => setStopping(false)}
        onConfirm={() => {
          setStopping(false);
          void phoneVoting.disable();
        }}
      />
      {closing && poll && <CloseDialog room={room} poll={poll} onClose={() => setClosing(false)} />}
    </section>
  );
}
