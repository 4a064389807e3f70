import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionVerb } from '@shared/domain';
import { fullName, RESOLUTION_VERBS } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { CheckboxInput, SelectInput, TextInput, FormFooter } from '../../components/fields';
import { addResolution, db, removeResolution, type RoomData, type RoomItem } from '../../db';
import { AuditButton } from '../safety/AuditLog';
import { resultText, ruleText } from './resolutionText';

export function ResolutionsSection({
  room,
  item,
  locked,
}: {
  room: RoomData;
  item: RoomItem;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const resolutions = room.resolutions.filter((r) => r.agendaItemId === item.id);
  return (
    <section className="room-section" aria-labelledby={`res-${item.id}`}>
      <div className="section-head">
        <h3 id={`res-${item.id}`}>{t('resolutions.title')}</h3>
        {!locked && <Button onPress={() => setAdding(true)}>{t('resolutions.add')}</Button>}
      </div>
      {resolutions.length === 0 ? (
        <p className="muted">{t('resolutions.none')}</p>
      ) : (
        <ul className="resolution-list">
          {resolutions.map((r) => (
            <li key={r.id} className={`resolution outcome-${r.outcome}`} data-testid="resolution">
              <p className="resolution-head">
                <strong>{r.number}</strong>: {room.body.code} {t(`verbs.${r.verb}`)} {r.text}
              </p>
              <p className="resolution-result">
                {resultText(t, r)} – <strong>{t(`resolutions.outcome.${r.outcome}`)}</strong>
              </p>
              {ruleText(t, r) && <p className="muted small">{ruleText(t, r)}</p>}
              {!locked && (
                <Button
                  variant="ghost"
                  onPress={() => void removeResolution(db, r.id)}
                  aria-label={`${t('resolutions.delete')} ${r.number}`}
                >
                  {t('common.remove')}
                </Button>
              )}
              <AuditButton table="resolutions" recordId={r.id} name={r.number} />
            </li>
          ))}
        </ul>
      )}
      {adding && <ResolutionForm room={room} item={item} onClose={() => setAdding(false)} />}
    </section>
  );
}

function ResolutionForm({
  room,
  item,
  onClose,
}: {
  room: RoomData;
  item: RoomItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [verb, setVerb] = useState<ResolutionVerb>('approves');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'vote' | 'consensus' | 'noVote'>('vote');
  const [votes, setVotes] = useState({ yes: '', no: '0', abstain: '0' });
  const [casting, setCasting] = useState<'' | 'yes' | 'no'>('');
  const [withTask, setWithTask] = useState(false);
  const [task, setTask] = useState({ text: '', ownerId: '', deadline: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  const people = room.members.map((m) => ({ value: m.personId, label: fullName(m.person) }));

  async function submit() {
    const result =
      kind === 'vote'
        ? {
            kind,
            yes: num(votes.yes),
            no: num(votes.no),
            abstain: num(votes.abstain),
            ...(casting ? { chairCastingVote: casting } : {}),
          }
        : { kind };
    try {
      await addResolution(db, item.id, { verb, text, result }, withTask ? task : undefined);
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(describeError(t, e));
    }
  }

  return (
    <FormDialog title={t('resolutions.add')} isOpen onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <SelectInput
            label={t('resolutions.verb')}
            value={verb}
            onChange={(v) => {
              setVerb(v as ResolutionVerb);
              if (v === 'instructs') setWithTask(true);
            }}
            options={RESOLUTION_VERBS.map((v) => ({
              value: v,
              label: `${room.body.code} ${t(`verbs.${v}`)}`,
            }))}
          />
          <SelectInput
            label={t('resolutions.result')}
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            options={[
              { value: 'vote', label: t('resolutions.vote') },
              { value: 'consensus', label: t('resolutions.consensus') },
              { value: 'noVote', label: t('resolutions.noVote') },
            ]}
          />
          <TextInput
            label={t('resolutions.text')}
            value={text}
            onChange={setText}
            error={errors.text}
            hint={t('resolutions.textHint')}
            multiline
            className="span-all"
            autoFocus
            required
          />
        </div>
        {kind === 'vote' && (
          <fieldset className="rules-fieldset">
            <legend>{t('resolutions.presentVoting', { count: room.quorum.presentVoting })}</legend>
            <div className="form-grid votes-grid">
              <TextInput
                label={t('resolutions.yes')}
                type="number"
                min={0}
                value={votes.yes}
                onChange={(yes) => setVotes((v) => ({ ...v, yes }))}
                error={errors['result.yes']}
              />
              <TextInput
                label={t('resolutions.no')}
                type="number"
                min={0}
                value={votes.no}
                onChange={(no) => setVotes((v) => ({ ...v, no }))}
                error={errors['result.no']}
              />
              <TextInput
                label={t('resolutions.abstain')}
                type="number"
                min={0}
                value={votes.abstain}
                onChange={(abstain) => setVotes((v) => ({ ...v, abstain }))}
                error={errors['result.abstain']}
              />
              {room.body.rules.tieRule === 'chairDecides' && (
                <SelectInput
                  label={t('resolutions.casting')}
                  value={casting}
                  onChange={(v) => setCasting(v as typeof casting)}
                  options={[
                    { value: '', label: t('resolutions.castingNone') },
                    { value: 'yes', label: t('resolutions.castingYes') },
                    { value: 'no', label: t('resolutions.castingNo') },
                  ]}
                />
              )}
            </div>
          </fieldset>
        )}
        <CheckboxInput
          label={t('resolutions.createTask')}
          checked={withTask}
          onChange={setWithTask}
        />
        {withTask && (
          <div className="form-grid">
            <TextInput
              label={t('tasks.text')}
              value={task.text}
              onChange={(v) => setTask((x) => ({ ...x, text: v }))}
              className="span-all"
            />
            <SelectInput
              label={t('tasks.owner')}
              value={task.ownerId}
              onChange={(v) => setTask((x) => ({ ...x, ownerId: v }))}
              emptyLabel={t('tasks.noOwner')}
              options={people}
            />
            <TextInput
              label={t('tasks.deadline')}
              type="date"
              value={task.deadline}
              onChange={(v) => setTask((x) => ({ ...x, deadline: v }))}
            />
          </div>
        )}
        <FormFooter error={formError} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
