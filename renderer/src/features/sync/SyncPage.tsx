import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import type { TFunction } from 'i18next';
import { SyncFileError } from '@shared/sync/exchangeFile';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import {
  decideConflict,
  exportForPartner,
  importPartnerFile,
  useSyncOverview,
} from '../../db/sync/local';
import type { SyncConflict } from '../../db/sync/bridge';
import { platform } from '../../platform';
import { describeIssue, tableLabel } from '../safety/describe';
import { ServerSection } from './ServerSection';
import type { BackupIssue } from '@shared/backup';

function describeSyncIssue(
  t: TFunction,
  i: { code: string; params: Record<string, string | number> },
) {
  if (i.code.startsWith('sync.errors.')) return t(i.code as 'sync.errors.notExchange', i.params);
  return describeIssue(t, i as BackupIssue);
}

/** What a record is called in the list: its name, title or number. */
function label(c: SyncConflict): string {
  const r = c.winner ?? {};
  const name = [r.firstName, r.lastName].filter((x) => typeof x === 'string').join(' ');
  for (const v of [name, r.title, r.name, r.number, r.text, r.status])
    if (typeof v === 'string' && v) return v.slice(0, 80);
  return c.recordId.slice(0, 8);
}

/** "Výměna a synchronizace": exchange by file, partners, and the conflicts to review. */
export function SyncPage() {
  const { t } = useTranslation();
  const overview = useSyncOverview();
  const [partnerId, setPartnerId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string[]>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, lines: await work() });
    } catch (e) {
      setMessage({
        ok: false,
        lines:
          e instanceof SyncFileError
            ? e.issues.map((i) => describeSyncIssue(t, i))
            : [describeError(t, e)],
      });
    } finally {
      setBusy(false);
    }
  };

  const onExport = () =>
    run(async () => {
      const file = await exportForPartner(partnerId || null);
      const saved = await platform.saveFile(file.fileName, file.bytes, 'application/json');
      return saved === 'saved' ? [t('sync.exported', { count: file.docs })] : [];
    });

  const onImport = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void run(async () => {
      const r = await importPartnerFile(new Uint8Array(await file.arrayBuffer()));
      return [
        t('sync.imported', {
          name: r.partner.name,
          applied: r.applied,
          deleted: r.deleted,
          refused: r.refused,
        }),
      ];
    });
  };

  const never = t('sync.never');
  return (
    <section className="page">
      <h1>{t('sync.title')}</h1>
      <p className="muted">{t('sync.subtitle')}</p>
      {overview && overview.waiting > 0 && <p>{t('sync.waiting', { count: overview.waiting })}</p>}
      <ServerSection />
      <h2>{t('sync.exportTitle')}</h2>
      <p className="muted">{t('sync.exportHint')}</p>
      <div className="sync-export">
        <div className="field">
          <label htmlFor="sync-partner">{t('sync.partner')}</label>
          <select
            id="sync-partner"
            value={partnerId}
            onChange={(e) => setPartnerId(e.target.value)}
          >
            <option value="">{t('sync.newPartner')}</option>
            {overview?.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Button onPress={() => void onExport()} isDisabled={busy}>
          {t('sync.export')}
        </Button>
      </div>
      <h2>{t('sync.importTitle')}</h2>
      <p className="muted">{t('sync.importHint')}</p>
      <label className="btn">
        {t('sync.import')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={onImport}
          disabled={busy}
          className="sr-only"
        />
      </label>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'error'}>
          {message.lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      )}
      <h2>{t('sync.partners')}</h2>
      {overview?.partners.length ? (
        <table>
          <thead>
            <tr>
              <th>{t('sync.partner')}</th>
              <th>{t('sync.lastImport')}</th>
              <th>{t('sync.lastExport')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.partners.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.lastImportAt ? formatInstant(p.lastImportAt) : never}</td>
                <td>{p.lastExportAt ? formatInstant(p.lastExportAt) : never}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('sync.noPartners')}</p>
      )}
      <h2>{t('sync.conflicts')}</h2>
      <p className="muted">{t('sync.rule')}</p>
      {overview?.conflicts.length ? (
        <ul>
          {overview.conflicts.map((c) => (
            <li key={c.key}>
              <strong>
                {tableLabel(t, c.table)}: {label(c)}
              </strong>{' '}
              — {t(`sync.kind.${c.kind}`)}
              {c.problem && <p className="error">{describeIssue(t, c.problem)}</p>}
              {c.kind !== 'refused' && (
                <ul>
                  <li>
                    {t('sync.shown')}{' '}
                    <Button
                      onPress={() =>
                        void run(async () => (await decideConflict(c.key, c.winnerRev), []))
                      }
                      isDisabled={busy}
                    >
                      {t('sync.keepShown')}
                    </Button>
                  </li>
                  {c.versions.map((v) => (
                    <li key={v.rev}>
                      {v.deleted
                        ? t('sync.deletedVersion')
                        : `${t('sync.other')} — ${t('sync.fields', { fields: v.fields.join(', ') })}`}{' '}
                      <Button
                        onPress={() =>
                          void run(async () => (await decideConflict(c.key, v.rev), []))
                        }
                        isDisabled={busy}
                      >
                        {v.deleted ? t('sync.acceptDelete') : t('sync.keepOther')}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sync.noConflicts')}</p>
      )}
    </section>
  );
}
