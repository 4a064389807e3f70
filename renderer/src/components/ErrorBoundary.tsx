import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface BoundaryProps {
  children: ReactNode;
  fallback: (error: unknown, componentStack: string | undefined) => ReactNode;
}

interface BoundaryState {
  error: unknown;
  componentStack?: string;
  failed: boolean;
}

/**
 * Catches a render error below it and shows `fallback` instead of a blank window. Leaving for
 * another page (a hash change) tries again, so one broken screen never locks the app.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Render error caught by the boundary', error);
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  override componentDidMount() {
    window.addEventListener('hashchange', this.reset);
  }

  override componentWillUnmount() {
    window.removeEventListener('hashchange', this.reset);
  }

  reset = () => {
    if (this.state.failed)
      this.setState({ error: undefined, componentStack: undefined, failed: false });
  };

  override render() {
    return this.state.failed
      ? this.props.fallback(this.state.error, this.state.componentStack)
      : this.props.children;
  }
}

/** Plain-text report of an error for the clipboard: enough for someone to reproduce it. */
export function errorReport(
  error: unknown,
  context: { appVersion: string; componentStack?: string; now?: Date },
): string {
  const err = error instanceof Error ? error : new Error(String(error));
  return [
    `Triáda ${context.appVersion}`,
    `${(context.now ?? new Date()).toISOString()}`,
    `${location.hash || '#/'}`,
    `${navigator.userAgent}`,
    '',
    `${err.name}: ${err.message}`,
    err.stack ?? '',
    context.componentStack ? `\nComponents:${context.componentStack}` : '',
  ]
    .join('\n')
    .trim();
}

interface ScreenProps {
  error: unknown;
  componentStack?: string;
  appVersion: string;
  /** Saves a copy of the whole database; resolves to whether a file was written. */
  onSaveCopy: () => Promise<'saved' | 'cancelled'>;
  /** Where "Záloha a data" lives; hidden when the failing page is that one. */
  safetyHref?: string;
}

/**
 * What the user sees when a page fails to render: what happened, that nothing was changed,
 * and the ways out: a copy of the data, the backup page (restore), and a report to send.
 */
export function ErrorScreen({
  error,
  componentStack,
  appVersion,
  onSaveCopy,
  safetyHref,
}: ScreenProps) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const report = errorReport(error, { appVersion, componentStack });
  const message = error instanceof Error ? error.message : String(error);

  return (
    <section className="error-screen" role="alert" aria-labelledby="error-screen-title">
      <h1 id="error-screen-title">{t('errorScreen.title')}</h1>
      <p>{t('errorScreen.text')}</p>
      <p className="muted">{t('errorScreen.cause', { message })}</p>
      <h2>{t('errorScreen.next')}</h2>
      <ol className="error-screen-steps">
        <li>
          <p>{t('errorScreen.saveText')}</p>
          <Button
            variant="primary"
            isDisabled={saving}
            onPress={async () => {
              setSaving(true);
              setSaved(null);
              try {
                const result = await onSaveCopy();
                setSaved({
                  ok: result === 'saved',
                  text:
                    result === 'saved' ? t('errorScreen.saved') : t('errorScreen.saveCancelled'),
                });
              } catch (e) {
                setSaved({
                  ok: false,
                  text: t('errorScreen.saveFailed', {
                    message: e instanceof Error ? e.message : String(e),
                  }),
                });
              } finally {
                setSaving(false);
              }
            }}
          >
            {t('errorScreen.save')}
          </Button>
          {saved && (
            <p className={saved.ok ? 'form-success' : 'form-error'} role="status">
              {saved.text}
            </p>
          )}
        </li>
        {safetyHref && (
          <li>
            <p>{t('errorScreen.restoreText')}</p>
            <a className="btn btn-secondary" href={safetyHref}>
              {t('errorScreen.restore')}
            </a>
          </li>
        )}
        <li>
          <p>{t('errorScreen.reportText')}</p>
          <Button
            onPress={async () => {
              try {
                await navigator.clipboard.writeText(report);
                setCopied(true);
              } catch {
                setCopied(false);
              }
            }}
          >
            {t('errorScreen.copy')}
          </Button>
          {copied !== null && (
            <p className={copied ? 'form-success' : 'form-error'} role="status">
              {copied ? t('errorScreen.copied') : t('errorScreen.copyFailed')}
            </p>
          )}
        </li>
        <li>
          <p>{t('errorScreen.reloadText')}</p>
          <Button onPress={() => location.reload()}>{t('errorScreen.reload')}</Button>
        </li>
      </ol>
      <details open={copied === false}>
        <summary>{t('errorScreen.details')}</summary>
        <textarea
          className="error-screen-report"
          readOnly
          value={report}
          rows={8}
          aria-label={t('errorScreen.details')}
        />
      </details>
    </section>
  );
}
