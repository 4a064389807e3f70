import { useTranslation } from 'react-i18next';
import type { StatusOrNone } from '@shared/plan';

export function StatusChip({ status, fulfilment }: { status: StatusOrNone; fulfilment?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`status-chip status-${status}`}>
      {t(`plan.monitoringStatus.${status}`)}
      {fulfilment !== undefined && status !== 'done' && (
        <span className="status-pct"> · {fulfilment} %</span>
      )}
    </span>
  );
}
