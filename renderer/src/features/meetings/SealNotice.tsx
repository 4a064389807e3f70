import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@shared/domain';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { TextInput } from '../../components/fields';
import { checkPaperFingerprint, db, useSealCheck, type PaperCheck, type SealCheck } from '../../db';
import { formatDate } from '../../i18n/format';

/** The fingerprint never breaks across lines: it is read aloud and copied as one. */
const unbroken = (fingerprint: string) => fingerprint.replace(/ /g, '\u00a0');

/** One sentence for a seal check (ok, mismatch, missing, tampered); nothing for `none`. */
export function SealMessage({ check }: { check: SealCheck }) {
  const { t } = useTranslation();
  switch (check.state) {
    case 'none':
      return null;
    case 'ok':
      return (
        <>
          {check.amendments
            ? t('minutes.seal.okAmended', {
                count: check.amendments,
                fingerprint: unbroken(check.fingerprint),
              })
            : t('minutes.seal.ok', { fingerprint: unbroken(check.fingerprint) })}
        </>
      );
    case 'mismatch':
      return <>{t('minutes.seal.mismatch', { count: check.changes.length })}</>;
    case 'missing':
      return <>{t('minutes.seal.missing')}</>;
    case 'tampered':
      return <>{t('minutes.seal.tampered')}</>;
  }
}

/**
 * The seal check of a meeting, run whenever the meeting is shown (meeting page and room):
 * a quiet line with the fingerprint when it matches, a warning when it does not or is missing.
 */
export function SealNotice({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const check = useSealCheck(meetingId);
  if (!check || check.state === 'none') return null;
  if (check.state === 'ok')
    return (
      <p className="muted small seal-ok" data-testid="seal-state" data-state="ok">
        <SealMessage check={check} />
      </p>
    );
  return (
    <div
      className="notice notice-warning seal-warning"
      role="alert"
      data-testid="seal-state"
      data-state={check.state}
    >
      <p>
        <strong>
          <SealMessage check={check} />
        </strong>
      </p>
      {check.state === 'mismatch' && (
        <>
          <p className="small">
            {t('minutes.seal.mismatchHelp', { fingerprint: unbroken(check.fingerprint) })}
          </p>
          <details>
            <summary>{t('minutes.seal.changes')}</summary>
            <ul className="seal-changes small">
              {check.changes.slice(0, 50).map((c) => (
                <li key={c.path}>
                  <code>{c.path}</code>: {preview(c.before)} → {preview(c.after)}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}

function preview(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** "Zápis byl po ověření změněn…": shown while changed verified minutes wait for verification again. */
export function ReverifyNotice({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!meeting.changedAfterVerification || meeting.minutesStatus !== 'toVerify') return null;
  return (
    <p className="notice notice-warning" role="status" data-testid="reverify-notice">
      {t('minutes.changedAfterVerification', {
        date: formatDate(meeting.changedAfterVerification.slice(0, 10)),
      })}
    </p>
  );
}

/** "Ověřit otisk z papíru": the button and its dialog, for minutes that were approved. */
export function PaperFingerprintButton({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const check = useSealCheck(meetingId);
  const [open, setOpen] = useState(false);
  if (!check || check.state === 'none') return null;
  return (
    <>
      <Button onPress={() => setOpen(true)}>{t('minutes.seal.checkPaper')}</Button>
      {open && <PaperDialog meetingId={meetingId} onClose={() => setOpen(false)} />}
    </>
  );
}

function PaperDialog({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<PaperCheck>();
  return (
    <FormDialog title={t('minutes.seal.checkPaper')} isOpen onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setResult(await checkPaperFingerprint(db, meetingId, typed));
        }}
      >
        <p>{t('minutes.seal.paperText')}</p>
        <TextInput
          label={t('minutes.seal.paperLabel')}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setResult(undefined);
          }}
          error={result?.result === 'invalid' ? t('minutes.seal.paperInvalid') : undefined}
          autoFocus
        />
        {result && result.result !== 'invalid' && (
          <p
            className={result.result === 'matches' ? 'notice notice-ok' : 'notice notice-warning'}
            role="status"
            data-testid="paper-result"
          >
            {result.result === 'noMatch'
              ? t('minutes.seal.paperNoMatch', { current: result.current })
              : result.latest
                ? t('minutes.seal.paperMatches')
                : t('minutes.seal.paperMatchesEarlier', { count: result.amendments })}
          </p>
        )}
        <div className="form-actions">
          <Button onPress={onClose}>{t('common.close')}</Button>
          <Button type="submit" variant="primary">
            {t('minutes.seal.paperCheck')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
