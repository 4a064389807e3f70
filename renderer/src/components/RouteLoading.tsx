import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shown while a screen's code loads (issue 12: screens other than the overview load on first
 * use). Nothing for the first 200 ms, so a quick load never flashes; then a small spinner.
 */
export function RouteLoading({ delayMs = 200 }: { delayMs?: number }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  if (!visible) return null;
  return (
    <div className="route-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
