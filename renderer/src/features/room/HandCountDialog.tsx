import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { TextInput, FormFooter } from '../../components/fields';
import { addHandCount, db } from '../../db';

const n = (v: string | undefined) => (v === undefined || v.trim() === '' ? 0 : Number(v));

/** The chair types the counts of a show of hands (for the whole room or those not yet voted). */
export function HandCountDialog({ poll, onClose }: { poll: PollRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const method = poll.definition.method;
  const set = (key: string) => (v: string) => setValues((x) => ({ ...x, [key]: v }));
  const supported =
    method === 'resolution' ||
    method === 'singleChoice' ||
    method === 'approval' ||
    method === 'points';

  function aggregate(): Record<string, unknown> {
    const perOption = Object.fromEntries(poll.options.map((o) => [o.id, n(values[o.id])]));
    if (method === 'resolution')
      return { yes: n(values.yes), no: n(values.no), abstain: n(values.abstain) };
    if (method === 'singleChoice') return { counts: perOption, blank: n(values.blank) };
    if (method === 'approval') return { counts: perOption, voters: n(values.voters) };
    return { points: perOption, voters: n(values.voters) };
  }

  return (
    <FormDialog title={t('polls.handCount')} isOpen onClose={onClose}>
      {!supported ? (
        <>
          <p>{t('polls.rankingUnsupportedHand')}</p>
          <div className="form-actions">
            <Button onPress={onClose}>{t('common.close')}</Button>
          </div>
        </>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await addHandCount(db, poll.id, aggregate());
              onClose();
            } catch (err) {
              setError(describeError(t, err));
            }
          }}
        >
          <div className="form-grid">
            {method === 'resolution' ? (
              <>
                <TextInput
                  label={t('resolutions.yes')}
                  type="number"
                  min={0}
                  value={values.yes ?? ''}
                  onChange={set('yes')}
                  autoFocus
                />
                <TextInput
                  label={t('resolutions.no')}
                  type="number"
                  min={0}
                  value={values.no ?? ''}
                  onChange={set('no')}
                />
                <TextInput
                  label={t('resolutions.abstain')}
                  type="number"
                  min={0}
                  value={values.abstain ?? ''}
                  onChange={set('abstain')}
                />
              </>
            ) : (
              <>
                {(method === 'approval' || method === 'points') && (
                  <TextInput
                    label={t('polls.handVoters')}
                    type="number"
                    min={0}
                    value={values.voters ?? ''}
                    onChange={set('voters')}
                    autoFocus
                  />
                )}
                {poll.options.map((o) => (
                  <TextInput
                    key={o.id}
                    label={o.label}
                    type="number"
                    min={0}
                    value={values[o.id] ?? ''}
                    onChange={set(o.id)}
                  />
                ))}
                {method === 'singleChoice' && (
                  <TextInput
                    label={t('polls.blank')}
                    type="number"
                    min={0}
                    value={values.blank ?? ''}
                    onChange={set('blank')}
                  />
                )}
              </>
            )}
          </div>
          <FormFooter error={error} onCancel={onClose} />
        </form>
      )}
    </FormDialog>
  );
}
