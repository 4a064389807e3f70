import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { firstPlaceTie, fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { FormError, FormFooter, SelectInput, TextInput } from '../../components/fields';
import { createRunOff, db, decideTie, type RoomData } from '../../db';
import { valueText } from './pollText';

/**
 * A tie at first place of a closed option poll: said plainly, with the body's ways out (the
 * chair's decision, recorded with who made it, or a run-off between the tied options only).
 * Once settled it says how.
 */
export function PollTie({
  room,
  poll,
  locked,
}: {
  room: RoomData;
  poll: PollRecord;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState(false);
  const [error, setError] = useState<string>();
  const tied = firstPlaceTie(poll);
  if (tied.length === 0 || !poll.result || poll.result.method === 'resolution') return null;
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  const names = tied.map(label);
  const value = poll.result.ranking.find((r) => r.optionId === tied[0])?.value ?? 0;

  if (poll.tieDecision)
    return (
      <p className="poll-tie settled" data-testid="poll-tie">
        {t('polls.tieDecided', {
          options: names.join(', '),
          by: poll.tieDecision.by,
          order: poll.tieDecision.order.map(label).join(' › '),
        })}
      </p>
    );
  const runOff = poll.runOffPollId && room.polls.find((p) => p.id === poll.runOffPollId);
  if (runOff)
    return (
      <p className="poll-tie settled" data-testid="poll-tie">
        {t('polls.tieRunOffCreated', { options: names.join(', '), title: runOff.title })}
      </p>
    );

  const chairFirst = room.body.rules.tieRule === 'chairDecides';
  const runOffButton = (
    <Button
      key="runoff"
      variant={chairFirst ? 'secondary' : 'primary'}
      onPress={() =>
        createRunOff(db, poll.id, t('polls.runOffTitle', { title: poll.title })).then(
          () => setError(undefined),
          (e) => setError(describeError(t, e)),
        )
      }
    >
      {t('polls.runOff')}
    </Button>
  );
  const chairButton = (
    <Button
      key="chair"
      variant={chairFirst ? 'primary' : 'secondary'}
      onPress={() => setDeciding(true)}
    >
      {t('polls.tieChair')}
    </Button>
  );
  return (
    <div className="poll-tie" role="status" data-testid="poll-tie">
      <p>
        <strong>
          {t('polls.tieFirst', { options: names.join(', '), value: valueText(t, poll, value) })}
        </strong>
      </p>
      <p className="small">{chairFirst ? t('polls.tieWayChair') : t('polls.tieWayRunOff')}</p>
      {!locked && (
        <div className="poll-actions">
          {chairFirst ? [chairButton, runOffButton] : [runOffButton, chairButton]}
        </div>
      )}
      <FormError message={error} />
      {deciding && (
        <ChairDecision room={room} poll={poll} tied={tied} onClose={() => setDeciding(false)} />
      )}
    </div>
  );
}

function ChairDecision({
  room,
  poll,
  tied,
  onClose,
}: {
  room: RoomData;
  poll: PollRecord;
  tied: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const chairId = room.meeting.chairId;
  const chair = chairId ? room.allPeople.get(chairId) : undefined;
  const [by, setBy] = useState(chair ? fullName(chair) : '');
  const [order, setOrder] = useState(tied);
  const [error, setError] = useState<string>();
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  /** Choosing an option for a place swaps it with the one there, so the order stays complete. */
  const place = (i: number, id: string) =>
    setOrder((o) => {
      const next = [...o];
      const j = next.indexOf(id);
      [next[i], next[j]] = [id, next[i]!];
      return next;
    });
  return (
    <FormDialog title={t('polls.tieChairTitle')} isOpen onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          decideTie(db, poll.id, {
            order,
            by,
            ...(chair && by === fullName(chair) ? { personId: chair.id } : {}),
          }).then(onClose, (err) => setError(describeError(t, err)));
        }}
      >
        <p className="small">{t('polls.tieChairHint')}</p>
        {order.slice(0, -1).map((id, i) => (
          <SelectInput
            key={i}
            label={t('polls.tiePlace', { place: i + 1 })}
            value={id}
            onChange={(v) => place(i, v)}
            options={tied.map((o) => ({ value: o, label: label(o) }))}
          />
        ))}
        <TextInput label={t('polls.tieDecidedBy')} value={by} onChange={setBy} required />
        <FormFooter error={error} onCancel={onClose} submitLabel={t('polls.tieChairSave')} />
      </form>
    </FormDialog>
  );
}
