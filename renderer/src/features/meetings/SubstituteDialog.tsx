import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, substituteBar, type SubstituteContext } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { FormError, SelectInput } from '../../components/fields';
import { usePeople, type AttendanceView, type MemberRow } from '../../db';

interface Props {
  member: MemberRow;
  view: AttendanceView;
  onClose: () => void;
  /** Saves the choice; rejects with the reason when it cannot be saved (the dialog shows it). */
  onPick: (substituteId: string) => Promise<void>;
}

/**
 * "Kdo zastupuje?": offers only the people the body's rules let substitute this member at
 * this meeting (shared/domain/substitutes.ts), and stays open with the reason when saving
 * fails.
 */
export function SubstituteDialog({ member, view, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const people = usePeople();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const ctx = useMemo<SubstituteContext>(
    () => ({
      member: { personId: member.personId, organizationId: member.person.organizationId },
      memberIds: new Set(view.members.map((m) => m.personId)),
      attendance: [...view.attendance.values()],
      otherOrganizationAllowed: view.body.rules.substituteFromOtherOrganization,
    }),
    [member, view],
  );
  const eligible = (people ?? []).filter((p) => substituteBar(p, ctx) === null);
  const current = view.attendance.get(member.personId)?.substituteId;
  const standing = member.substituteId ? people?.find((p) => p.id === member.substituteId) : null;
  const standingBar = standing ? substituteBar(standing, ctx) : null;
  // The member's current substitute, else the standing one from the membership, when allowed.
  const preset = [current, member.substituteId].find((id) => eligible.some((p) => p.id === id));
  const value = chosen ?? preset ?? '';

  const options = eligible.map((p) => ({
    value: p.id,
    label: `${p.lastName} ${p.firstName}${p.organizationName ? ` (${p.organizationName})` : ''}${p.id === member.substituteId ? ` – ${t('attendance.substituteDefault')}` : ''}`,
  }));

  async function submit() {
    if (!value) {
      setError(t('errors.substituteRequired'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await onPick(value);
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={`${t('attendance.pickSubstitute')} – ${fullName(member.person)}`}
      isOpen
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectInput
          label={t('attendance.substituteBy')}
          value={value}
          onChange={(v) => {
            setChosen(v);
            setError(undefined);
          }}
          emptyLabel="—"
          options={options}
          hint={
            ctx.otherOrganizationAllowed
              ? t('attendance.substituteHint')
              : t('attendance.substituteHintSameOrg')
          }
        />
        {people && eligible.length === 0 && (
          <p className="notice notice-warning">{t('attendance.noEligibleSubstitute')}</p>
        )}
        {standing && standingBar && (
          <p className="muted small">
            {t('attendance.standingUnavailable', {
              name: fullName(standing),
              reason: t(standingBar),
            })}
          </p>
        )}
        <FormError message={error} />
        <div className="form-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" isDisabled={saving}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
