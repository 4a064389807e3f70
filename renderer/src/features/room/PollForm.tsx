import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollMethod } from '@shared/domain';
import { POLL_METHODS } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { CheckboxInput, SelectInput, TextInput, FormFooter } from '../../components/fields';
import { createPoll, db, usePlans, usePlanView } from '../../db';
import { levelName } from '../plan/levelName';
import { groupPlanItems, planOptionLines } from './pollPlanOptions';

const int = (v: string) => (v.trim() === '' ? undefined : Number(v));

export function PollForm({
  agendaItemId,
  bodyId,
  onClose,
}: {
  agendaItemId: string;
  /** The group voting: the plan options offered first are its own measures and activities. */
  bodyId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState<PollMethod>('points');
  const [options, setOptions] = useState('');
  // Resolutions go by show of hands (the Czech minutes' "pro : proti : zdržel se"); choosing
  // priorities is secret unless the facilitator says otherwise.
  const [secretChoice, setSecret] = useState<boolean>();
  const secret = secretChoice ?? method !== 'resolution';
  const [points, setPoints] = useState('3');
  const [cap, setCap] = useState('2');
  const [allPoints, setAllPoints] = useState(false);
  const [maxChoices, setMaxChoices] = useState('');
  const [maxRanks, setMaxRanks] = useState('');
  const [scaleMax, setScaleMax] = useState('5');
  const [triad, setTriad] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const plans = usePlans();
  const [planId, setPlanId] = useState('');
  const planView = usePlanView(planId || undefined);
  const [levelChoice, setLevel] = useState<string>();
  const [allItems, setAllItems] = useState(false);
  const items = planView?.items ?? [];
  const groupHas = (l: number) => !!bodyId && groupPlanItems(items, bodyId, l).length > 0;
  // A group with its own part of the plan starts at its measures; otherwise the priorities.
  const level = levelChoice ?? (groupHas(2) ? '2' : '1');
  const ownOnly = !allItems && groupHas(Number(level));

  /** Options taken from the community plan: the group's own items first, all on request. */
  function takeFromPlan() {
    const lines = planOptionLines(items, bodyId, Number(level), !ownOnly);
    setOptions((current) => [current.trim(), ...lines].filter(Boolean).join('\n'));
  }

  async function submit() {
    try {
      await createPoll(db, agendaItemId, {
        title,
        method,
        secret,
        options: options.split(/\r?\n/),
        pointsPerVoter: method === 'points' ? int(points) : undefined,
        maxPerOption: method === 'points' ? int(cap) : undefined,
        requireAllPoints: method === 'points' ? allPoints : undefined,
        maxChoices: method === 'approval' ? int(maxChoices) : undefined,
        maxRanks: method === 'borda' || method === 'schulze' ? int(maxRanks) : undefined,
        scaleMax: method === 'score' ? int(scaleMax) : undefined,
        triadAgreement: !secret && triad,
        anonymous: method !== 'resolution' && anonymous,
      });
      onClose();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(describeError(t, e));
    }
  }

  return (
    <FormDialog title={t('polls.add')} isOpen onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <TextInput
            label={t('polls.question')}
            value={title}
            onChange={setTitle}
            error={errors.title}
            className="span-all"
            autoFocus
            required
          />
          <SelectInput
            label={t('polls.method')}
            value={method}
            onChange={(v) => setMethod(v as PollMethod)}
            options={POLL_METHODS.map((m) => ({ value: m, label: t(`polls.methods.${m}`) }))}
            className="span-all"
          />
          {method !== 'resolution' && (
            <TextInput
              label={t('polls.options')}
              value={options}
              onChange={setOptions}
              error={errors.options}
              multiline
              className="span-all"
            />
          )}
          {method !== 'resolution' && (plans ?? []).length > 0 && (
            <div className="span-all inline-form">
              <SelectInput
                label={t('polls.fromPlan')}
                value={planId}
                onChange={setPlanId}
                emptyLabel="—"
                options={(plans ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
              {planView && (
                <>
                  <SelectInput
                    label={t('polls.fromPlanLevel')}
                    value={level}
                    onChange={setLevel}
                    options={(['1', '2', '3'] as const).map((l) => ({
                      value: l,
                      label: levelName(planView.plan, Number(l) as 1 | 2 | 3),
                    }))}
                  />
                  {groupHas(Number(level)) && (
                    <CheckboxInput
                      label={t('polls.fromPlanAll')}
                      checked={allItems}
                      onChange={setAllItems}
                    />
                  )}
                  <Button onPress={takeFromPlan}>
                    {ownOnly ? t('polls.fromPlanAddOwn') : t('polls.fromPlanAdd')}
                  </Button>
                </>
              )}
            </div>
          )}
          {method === 'points' && (
            <>
              <TextInput
                label={t('polls.pointsPerVoter')}
                type="number"
                min={1}
                value={points}
                onChange={setPoints}
                error={errors.pointsPerVoter}
              />
              <TextInput
                label={t('polls.maxPerOption')}
                type="number"
                min={1}
                value={cap}
                onChange={setCap}
                error={errors.maxPerOption}
              />
              <CheckboxInput
                label={t('polls.requireAllPoints')}
                checked={allPoints}
                onChange={setAllPoints}
              />
            </>
          )}
          {method === 'approval' && (
            <TextInput
              label={t('polls.maxChoices')}
              type="number"
              min={1}
              value={maxChoices}
              onChange={setMaxChoices}
              error={errors.maxChoices}
            />
          )}
          {(method === 'borda' || method === 'schulze') && (
            <TextInput
              label={t('polls.maxRanks')}
              type="number"
              min={1}
              value={maxRanks}
              onChange={setMaxRanks}
              error={errors.maxRanks}
            />
          )}
          {method === 'score' && (
            <TextInput
              label={t('polls.scaleMax')}
              type="number"
              min={1}
              value={scaleMax}
              onChange={setScaleMax}
              error={errors.scaleMax}
            />
          )}
        </div>
        <CheckboxInput label={t('polls.secret')} checked={secret} onChange={setSecret} />
        {/* Secret ballots carry no triad role, so agreement across the triad needs a named poll. */}
        {!secret && (
          <CheckboxInput label={t('polls.triadAgreement')} checked={triad} onChange={setTriad} />
        )}
        {/* A public meeting's vote from phones: not a vote of members (features/phoneVoting). */}
        {method !== 'resolution' && (
          <CheckboxInput
            label={t('phoneVoting.anonymousOption')}
            checked={anonymous}
            onChange={setAnonymous}
          />
        )}
        <FormFooter error={error} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
