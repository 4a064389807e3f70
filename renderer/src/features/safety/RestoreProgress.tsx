import { useTranslation } from 'react-i18next';
import { checkFraction, type CheckStatus } from './restoreProtocol';
import { tableLabel } from './describe';

const number = (n: number, lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'cs-CZ').format(n);
const megabytes = (n: number, lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'cs-CZ', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(n / 1024 / 1024);

/** One labelled bar: the step in words (announced once per step) and its figures beside it. */
function Bar(props: { fraction: number | null; label: string; figures: string; title: string }) {
  return (
    <div className="restore-progress" data-testid="restore-progress">
      <div className="restore-progress-text">
        <strong>{props.title}</strong>
        <span role="status">{props.label}</span>
        <span className="restore-progress-figures">{props.figures}</span>
      </div>
      <progress
        max={1}
        value={props.fraction ?? undefined}
        aria-label={props.title}
        aria-valuetext={props.figures ? `${props.label}: ${props.figures}` : props.label}
      />
    </div>
  );
}

/** The check of a backup file: one bar over every step, the current step and its figures. */
export function CheckProgress({ status }: { status: CheckStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { step, done, total } = status;
  const figures =
    total <= 1 && step !== 'read'
      ? ''
      : step === 'read'
        ? t('safety.restore.figuresMb', {
            done: megabytes(done, lang),
            total: megabytes(total, lang),
          })
        : step === 'records' || step === 'transfer'
          ? t('safety.restore.figuresRecords', {
              done: number(done, lang),
              total: number(total, lang),
              count: total,
            })
          : t('safety.restore.figures', { done: number(done, lang), total: number(total, lang) });
  return (
    <Bar
      title={t('safety.restore.checkTitle')}
      label={t(`safety.restore.step.${step}`)}
      figures={figures}
      fraction={checkFraction(status)}
    />
  );
}

/** Writing the checked rows: rows written of all rows and the table being written. */
export function WriteProgress(props: { done: number; total: number; table: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Bar
      title={t('safety.restore.writeTitle')}
      label={t('safety.restore.writing', { table: tableLabel(t, props.table) })}
      figures={t('safety.restore.figuresRecords', {
        done: number(props.done, lang),
        total: number(props.total, lang),
        count: props.total,
      })}
      fraction={props.total ? props.done / props.total : 0}
    />
  );
}
