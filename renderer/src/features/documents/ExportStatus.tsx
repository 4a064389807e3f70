import { useTranslation } from 'react-i18next';

/** What an export last said: saved (with the file's name) or why not. */
export interface ExportMessage {
  kind: 'ok' | 'error';
  text: string;
}

/** The line under export buttons: "exporting…" while it runs, then its outcome. */
export function ExportStatus({ busy, message }: { busy: boolean; message?: ExportMessage }) {
  const { t } = useTranslation();
  return (
    <>
      {busy && (
        <p className="muted small" role="status">
          {t('minutes.exporting')}
        </p>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'notice notice-ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </>
  );
}
