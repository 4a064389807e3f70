import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord, ResolutionVerb } from '@shared/domain';
import { RESOLUTION_VERBS, resolutionFromTitle, votersSoFar } from '@shared/domain';

import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { SelectInput, TextInput, FormFooter } from '../../components/fields';
import { closePoll, db, type RoomData } from '../../db';
import { presentVoting } from './pollText';

/** Closing freezes the entitlement snapshot, counts, and writes the item's resolution. */
export function CloseDialog({
  room,
  poll,
  onClose,
}: {
  room: RoomData;
  poll: PollRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const method = poll.definition.method;
  const isResolution = method === 'resolution';
  const proposed = resolutionFromTitle(poll.title);
  // The public's vote is noted by the group, never passed as its own resolution.
  const [verb, setVerb] = useState<ResolutionVerb>(
    isResolution ? (proposed.verb ?? 'approves') : poll.anonymous ? 'takesNote' : 'recommends',
  );
  const [text, setText] = useState(
    isResolution
      ? proposed.text
      : t(
          poll.anonymous
            ? 'polls.defaultPublic'
            : method === 'singleChoice' || method === 'approval'
              ? 'polls.defaultChoice'
              : 'polls.defaultRanking',
          { title: poll.title },
        ),
  );
  const [casting, setCasting] = useState<'' | 'yes' | 'no'>('');
  const [error, setError] = useState<string>();
  // Closing ends the vote for everyone: say who has not voted yet (a public vote has no roll).
  const entitled = presentVoting(room).length;
  const cast = votersSoFar(
    poll,
    room.handCounts.filter((b) => b.pollId === poll.id).map((b) => b.ballot),
  );
  const missing = poll.anonymous ? 0 : Math.max(0, entitled - cast);
  return (
    <FormDialog title={t('polls.closeTitle')} isOpen onClose={onClose} wide>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await closePoll(db, poll.id, {
              verb,
              text,
              ...(casting ? { chairCastingVote: casting } : {}),
            });
            onClose();
          } catch (err) {
            setError(describeError(t, err));
          }
        }}
      >
        {missing > 0 && (
          <p className="notice notice-warning" role="status" data-testid="close-not-voted">
            {t('polls.notVoted', { count: missing, cast, entitled })}
          </p>
        )}
        <SelectInput
          label={t('resolutions.verb')}
          value={verb}
          onChange={(v) => setVerb(v as ResolutionVerb)}
          options={RESOLUTION_VERBS.map((v) => ({
            value: v,
            label: `${room.body.code} ${t(`verbs.${v}`)}`,
          }))}
        />
        <TextInput
          label={t('polls.resolutionText')}
          value={text}
          onChange={setText}
          multiline
          required
        />
        {isResolution && room.body.rules.tieRule === 'chairDecides' && (
          <SelectInput
            label={t('polls.tieCasting')}
            value={casting}
            onChange={(v) => setCasting(v as typeof casting)}
            options={[
              { value: '', label: t('resolutions.castingNone') },
              { value: 'yes', label: t('resolutions.castingYes') },
              { value: 'no', label: t('resolutions.castingNo') },
            ]}
          />
        )}
        <FormFooter error={error} onCancel={onClose} submitLabel={t('polls.close')} danger />
      </form>
    </FormDialog>
  );
}
