import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationComment, PlanEvaluation } from '@shared/plan';
import { BUCKETS } from '@shared/plan';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import { addEvaluationComment, db, setEvaluationVersion, todayIso, type PlanView } from '../../db';
import { formatDate } from '../../i18n/format';
import { platform } from '../../platform';
import { exportEvaluation } from './exportEvaluation';
import { StatusChip } from './StatusChip';

function CommentForm({
  planId,
  period,
  workingGroupId,
  planItemId,
  label,
}: {
  planId: string;
  period: number;
  workingGroupId: string;
  planItemId?: string;
  label: string;
}) {
  const { t } = useTranslation();
  const [author, setAuthor] = useState(
    () => globalThis.localStorage?.getItem('triada.plan.author') ?? '',
  );
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button variant="ghost" onPress={() => setOpen(true)} aria-label={label}>
        + {t('plan.evaluation.addComment')}
      </Button>
    );
  return (
    <form
      className="comment-form"
      noValidate
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await addEvaluationComment(db, planId, {
            period,
            workingGroupId,
            planItemId,
            author,
            text,
          });
          globalThis.localStorage?.setItem('triada.plan.author', author);
          setText('');
          setErrors({});
          setOpen(false);
        } catch (err) {
          setErrors(fieldErrorsOf(err));
        }
      }}
    >
      <TextInput
        label={t('plan.evaluation.author')}
        value={author}
        onChange={setAuthor}
        error={errors.author}
      />
      <TextInput
        className="grow"
        label={t('plan.evaluation.comment')}
        value={text}
        onChange={setText}
        error={errors.text}
        autoFocus
      />
      <div className="comment-form-actions">
        <Button onPress={() => setOpen(false)}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('plan.evaluation.saveComment')}
        </Button>
      </div>
    </form>
  );
}

function CommentLog({ comments }: { comments: EvaluationComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="comment-log">
      {comments.map((c) => (
        <li key={c.id}>
          <span className="comment-meta">
            {c.author} · {formatDate(c.createdAt.slice(0, 10))}
          </span>{' '}
          {c.text}
        </li>
      ))}
    </ul>
  );
}

export function EvaluationTab({
  view,
  evaluation,
  period,
}: {
  view: PlanView;
  evaluation: PlanEvaluation;
  period: number;
}) {
  const { t, i18n } = useTranslation();
  const { plan, bodies } = view;
  const groupIds = [
    ...new Set([
      ...plan.workingGroupIds,
      ...evaluation.activities.map((a) => a.workingGroupId).filter(Boolean),
    ]),
  ];
  const groups = bodies.filter((b) => groupIds.includes(b.id));
  const [groupId, setGroupId] = useState('');
  const version = plan.evaluations?.find(
    (v) => v.period === period && v.workingGroupId === groupId,
  );
  const [summary, setSummary] = useState<string>();
  const [discussedBy, setDiscussedBy] = useState('');
  const [lang, setLang] = useState<'cs' | 'en'>(i18n.language === 'en' ? 'en' : 'cs');
  const [method, setMethod] = useState('');
  const [dataSources, setDataSources] = useState('');
  const [preparedBy, setPreparedBy] = useState('');
  const [conclusions, setConclusions] = useState('');
  const [annexes, setAnnexes] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const activities = evaluation.activities.filter((a) => !groupId || a.workingGroupId === groupId);
  const comments = view.comments.filter((c) => c.period === period && c.workingGroupId === groupId);
  const scopeLabel = groupId
    ? `${groups.find((g) => g.id === groupId)?.code ?? ''}`
    : t('plan.evaluation.wholePlan');
  const summaryValue = summary ?? version?.summary ?? '';

  const setStatus = async (status: 'draft' | 'submitted' | 'discussed') => {
    try {
      await setEvaluationVersion(db, plan.id, {
        period,
        workingGroupId: groupId,
        status,
        summary: summaryValue,
        by: discussedBy,
      });
      setMessage(undefined);
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(t, e) });
    }
  };

  const doExport = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const name = await exportEvaluation(
        view,
        {
          lang,
          period,
          workingGroupId: groupId || undefined,
          method,
          dataSources,
          preparedBy,
          conclusions,
          annexes: annexes
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
          preparedOn: todayIso(),
        },
        platform,
      );
      setMessage(name ? { kind: 'ok', text: t('plan.evaluation.exported', { name }) } : undefined);
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const o = groupId
    ? (evaluation.byWorkingGroup.get(groupId) ?? evaluation.overall)
    : evaluation.overall;

  return (
    <div className="evaluation">
      <div className="toolbar">
        <SelectInput
          label={t('plan.evaluation.version')}
          value={groupId}
          onChange={(v) => {
            setGroupId(v);
            setSummary(undefined);
          }}
          options={[
            { value: '', label: t('plan.evaluation.wholePlan') },
            ...groups.map((g) => ({ value: g.id, label: `${g.code} – ${g.name}` })),
          ]}
        />
        <p className="muted small eval-shares">
          {BUCKETS.map((b) => `${o.shares[b]} % ${t(`plan.bucket.${b}`)}`).join(' · ')}
        </p>
      </div>

      <section className="panel" aria-labelledby="eval-version">
        <div className="section-head">
          <h2 id="eval-version">
            {t('plan.evaluation.versionTitle', { scope: scopeLabel, year: period })}
          </h2>
          <span
            className={`version-status version-${version?.status ?? 'draft'}`}
            data-testid="version-status"
          >
            {t(`plan.versionStatus.${version?.status ?? 'draft'}`)}
            {version?.discussedAt && ` · ${formatDate(version.discussedAt.slice(0, 10))}`}
            {version?.discussedBy && ` · ${version.discussedBy}`}
          </span>
        </div>
        <TextInput
          label={t('plan.evaluation.summary')}
          value={summaryValue}
          onChange={setSummary}
          multiline
          hint={t('plan.evaluation.summaryHint')}
        />
        <div className="toolbar">
          <Button onPress={() => void setStatus('submitted')}>{t('plan.evaluation.submit')}</Button>
          <TextInput
            label={t('plan.evaluation.discussedBy')}
            value={discussedBy}
            onChange={setDiscussedBy}
            placeholder={t('plan.evaluation.discussedByPlaceholder')}
          />
          <Button variant="primary" onPress={() => void setStatus('discussed')}>
            {t('plan.evaluation.markDiscussed')}
          </Button>
          {version && version.status !== 'draft' && (
            <Button variant="ghost" onPress={() => void setStatus('draft')}>
              {t('plan.evaluation.reopen')}
            </Button>
          )}
        </div>
        <h3>{t('plan.evaluation.versionComments')}</h3>
        <CommentLog comments={comments.filter((c) => !c.planItemId)} />
        <CommentForm
          planId={plan.id}
          period={period}
          workingGroupId={groupId}
          label={t('plan.evaluation.commentOnVersion')}
        />
      </section>

      <section aria-labelledby="eval-items">
        <h2 id="eval-items">{t('plan.evaluation.items')}</h2>
        <ul className="eval-items">
          {activities.map((a) => (
            <li key={a.item.id} className="eval-item" aria-label={`${a.item.code} ${a.item.title}`}>
              <div className="eval-item-head">
                <span className="code-badge small">{a.item.code}</span>
                <span className="eval-item-title">{a.item.title}</span>
                <StatusChip status={a.status} fulfilment={a.record?.fulfilment} />
              </div>
              {a.updatedThisPeriod && a.record?.comment && (
                <p className="small muted">{a.record.comment}</p>
              )}
              <CommentLog comments={comments.filter((c) => c.planItemId === a.item.id)} />
              <CommentForm
                planId={plan.id}
                period={period}
                workingGroupId={groupId}
                planItemId={a.item.id}
                label={t('plan.evaluation.commentOn', { code: a.item.code })}
              />
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="eval-export">
        <h2 id="eval-export">{t('plan.evaluation.exportTitle')}</h2>
        <p className="muted small">
          {t('plan.evaluation.exportHint', { scope: scopeLabel, year: period })}
        </p>
        <div className="form-grid">
          <SelectInput
            label={t('plan.evaluation.language')}
            value={lang}
            onChange={(v) => setLang(v as 'cs' | 'en')}
            options={[
              { value: 'cs', label: 'čeština' },
              { value: 'en', label: 'English' },
            ]}
          />
          <TextInput
            label={t('plan.evaluation.preparedBy')}
            value={preparedBy}
            onChange={setPreparedBy}
          />
        </div>
        <TextInput
          label={t('plan.evaluation.method')}
          value={method}
          onChange={setMethod}
          multiline
          hint={t('plan.evaluation.defaultHint')}
        />
        <TextInput
          label={t('plan.evaluation.dataSources')}
          value={dataSources}
          onChange={setDataSources}
          hint={t('plan.evaluation.defaultHint')}
        />
        <TextInput
          label={t('plan.evaluation.conclusions')}
          value={conclusions}
          onChange={setConclusions}
          multiline
        />
        <TextInput
          label={t('plan.evaluation.annexes')}
          value={annexes}
          onChange={setAnnexes}
          multiline
          hint={t('plan.evaluation.annexesHint')}
        />
        <FormError message={message?.kind === 'error' ? message.text : undefined} />
        {message?.kind === 'ok' && (
          <p className="notice notice-ok" role="status">
            {message.text}
          </p>
        )}
        <div className="form-actions">
          <Button
            variant="primary"
            onPress={() => void doExport()}
            isDisabled={busy || activities.length === 0}
          >
            {busy ? t('plan.evaluation.exporting') : t('plan.evaluation.export')}
          </Button>
        </div>
      </section>
    </div>
  );
}
