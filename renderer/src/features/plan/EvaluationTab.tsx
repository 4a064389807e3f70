import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EvaluationApproval,
  EvaluationComment,
  EvaluationVersion,
  PlanEvaluation,
  PlanItem,
} from '@shared/plan';
import { BUCKETS, evaluationTextsInput } from '@shared/plan';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, SelectInput, TextInput } from '../../components/fields';
import {
  addEvaluationComment,
  db,
  saveEvaluationTexts,
  setEvaluationVersion,
  todayIso,
  useProjectSettings,
  type PlanView,
} from '../../db';
import { formatDate } from '../../i18n/format';
import { platform } from '../../platform';
import { exportEvaluation } from './exportEvaluation';
import { StatusChip } from './StatusChip';
import { levelName } from './levelName';

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

interface TextsState {
  summary: string;
  assessments: Record<string, string>;
  conclusions: string;
  method: string;
  dataSources: string;
  preparedBy: string;
  annexes: string;
  approval: Record<keyof EvaluationApproval, string>;
}

function textsOf(v: EvaluationVersion | undefined): TextsState {
  const a = v?.approval ?? {};
  return {
    summary: v?.summary ?? '',
    assessments: { ...v?.priorityAssessments },
    conclusions: v?.conclusions ?? '',
    method: v?.method ?? '',
    dataSources: v?.dataSources ?? '',
    preparedBy: v?.preparedBy ?? '',
    annexes: (v?.annexes ?? []).join('\n'),
    approval: {
      groupDiscussedOn: a.groupDiscussedOn ?? '',
      steeringDiscussedOn: a.steeringDiscussedOn ?? '',
      steeringResolution: a.steeringResolution ?? '',
      councilBody: a.councilBody ?? '',
      councilDate: a.councilDate ?? '',
      councilResolution: a.councilResolution ?? '',
      councilDecision: a.councilDecision ?? '',
    },
  };
}

function inputOf(s: TextsState) {
  const a = s.approval;
  return {
    summary: s.summary,
    priorityAssessments: s.assessments,
    conclusions: s.conclusions,
    method: s.method,
    dataSources: s.dataSources,
    preparedBy: s.preparedBy,
    annexes: s.annexes.split('\n'),
    approval: {
      groupDiscussedOn: a.groupDiscussedOn,
      steeringDiscussedOn: a.steeringDiscussedOn,
      steeringResolution: a.steeringResolution,
      councilBody: a.councilBody,
      councilDate: a.councilDate,
      councilResolution: a.councilResolution,
      councilDecision:
        a.councilDecision === 'approved' || a.councilDecision === 'noted'
          ? (a.councilDecision as 'approved' | 'noted')
          : undefined,
    },
  };
}

/** What people write for the report of one version, saved with it, and the export. */
function ReportPanel({
  view,
  version,
  groupId,
  period,
  priorities,
  scopeLabel,
  canExport,
}: {
  view: PlanView;
  version: EvaluationVersion | undefined;
  groupId: string;
  period: number;
  priorities: PlanItem[];
  scopeLabel: string;
  canExport: boolean;
}) {
  const { t, i18n } = useTranslation();
  const project = useProjectSettings();
  const [texts, setTexts] = useState(() => textsOf(version));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lang, setLang] = useState<'cs' | 'en'>(i18n.language === 'en' ? 'en' : 'cs');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const set = <K extends keyof TextsState>(key: K, value: TextsState[K]) =>
    setTexts((s) => ({ ...s, [key]: value }));
  const setApproval = (key: keyof EvaluationApproval, value: string) =>
    setTexts((s) => ({ ...s, approval: { ...s.approval, [key]: value } }));

  const save = async (): Promise<boolean> => {
    try {
      await saveEvaluationTexts(
        db,
        view.plan.id,
        { period, workingGroupId: groupId },
        inputOf(texts),
      );
      setErrors({});
      return true;
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setMessage({ kind: 'error', text: describeError(t, e) });
      return false;
    }
  };

  const doExport = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (!(await save())) return;
      const name = await exportEvaluation(
        view,
        {
          lang,
          period,
          workingGroupId: groupId || undefined,
          preparedOn: todayIso(),
          // what is on screen now; the live view may not have caught up with the save yet
          texts: evaluationTextsInput.parse(inputOf(texts)),
        },
        project ?? undefined,
        platform,
      );
      setMessage(name ? { kind: 'ok', text: t('plan.evaluation.exported', { name }) } : undefined);
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const a = texts.approval;
  return (
    <section className="panel" aria-labelledby="eval-texts">
      <h2 id="eval-texts">{t('plan.evaluation.textsTitle')}</h2>
      <p className="muted small">{t('plan.evaluation.textsHint')}</p>
      <TextInput
        label={groupId ? t('plan.evaluation.summary') : t('plan.evaluation.wholeSummary')}
        value={texts.summary}
        onChange={(v) => set('summary', v)}
        multiline
        hint={t('plan.evaluation.summaryHint')}
        error={errors.summary}
      />
      {priorities.map((p) => (
        <TextInput
          key={p.id}
          label={t('plan.evaluation.assessmentFor', {
            item: `${levelName(view.plan, 1)} ${p.code} ${p.title}`,
          })}
          value={texts.assessments[p.id] ?? ''}
          onChange={(v) => set('assessments', { ...texts.assessments, [p.id]: v })}
          multiline
          error={errors[`priorityAssessments.${p.id}`]}
        />
      ))}
      <TextInput
        label={t('plan.evaluation.conclusions')}
        value={texts.conclusions}
        onChange={(v) => set('conclusions', v)}
        multiline
        error={errors.conclusions}
      />
      <div className="form-grid">
        <TextInput
          label={t('plan.evaluation.preparedBy')}
          value={texts.preparedBy}
          onChange={(v) => set('preparedBy', v)}
          error={errors.preparedBy}
        />
        <TextInput
          label={t('plan.evaluation.dataSources')}
          value={texts.dataSources}
          onChange={(v) => set('dataSources', v)}
          hint={t('plan.evaluation.defaultHint')}
          error={errors.dataSources}
        />
      </div>
      <TextInput
        label={t('plan.evaluation.method')}
        value={texts.method}
        onChange={(v) => set('method', v)}
        multiline
        hint={t('plan.evaluation.defaultHint')}
        error={errors.method}
      />
      <TextInput
        label={t('plan.evaluation.annexes')}
        value={texts.annexes}
        onChange={(v) => set('annexes', v)}
        multiline
        hint={t('plan.evaluation.annexesHint')}
        error={errors.annexes}
      />

      <h3>{t('plan.evaluation.approvalTitle')}</h3>
      <p className="muted small">{t('plan.evaluation.approvalHint')}</p>
      <div className="form-grid">
        {groupId && (
          <TextInput
            type="date"
            label={t('plan.evaluation.groupDiscussedOn')}
            value={a.groupDiscussedOn}
            onChange={(v) => setApproval('groupDiscussedOn', v)}
            error={errors['approval.groupDiscussedOn']}
          />
        )}
        <TextInput
          type="date"
          label={t('plan.evaluation.steeringDiscussedOn')}
          value={a.steeringDiscussedOn}
          onChange={(v) => setApproval('steeringDiscussedOn', v)}
          error={errors['approval.steeringDiscussedOn']}
        />
        <TextInput
          label={t('plan.evaluation.steeringResolution')}
          value={a.steeringResolution}
          onChange={(v) => setApproval('steeringResolution', v)}
          error={errors['approval.steeringResolution']}
        />
      </div>
      {!groupId && (
        <div className="form-grid">
          <TextInput
            label={t('plan.evaluation.councilBody')}
            value={a.councilBody}
            onChange={(v) => setApproval('councilBody', v)}
            placeholder={t('plan.evaluation.councilBodyPlaceholder')}
            error={errors['approval.councilBody']}
          />
          <SelectInput
            label={t('plan.evaluation.councilDecision')}
            value={a.councilDecision}
            onChange={(v) => setApproval('councilDecision', v)}
            options={[
              { value: '', label: t('plan.evaluation.councilUnknown') },
              { value: 'approved', label: t('plan.evaluation.councilApproved') },
              { value: 'noted', label: t('plan.evaluation.councilNoted') },
            ]}
          />
          <TextInput
            type="date"
            label={t('plan.evaluation.councilDate')}
            value={a.councilDate}
            onChange={(v) => setApproval('councilDate', v)}
            error={errors['approval.councilDate']}
          />
          <TextInput
            label={t('plan.evaluation.councilResolution')}
            value={a.councilResolution}
            onChange={(v) => setApproval('councilResolution', v)}
            error={errors['approval.councilResolution']}
          />
        </div>
      )}

      <h3 id="eval-export">{t('plan.evaluation.exportTitle')}</h3>
      <p className="muted small">
        {t('plan.evaluation.exportHint', { scope: scopeLabel, year: period })}
      </p>
      <SelectInput
        label={t('plan.evaluation.language')}
        value={lang}
        onChange={(v) => setLang(v as 'cs' | 'en')}
        options={[
          { value: 'cs', label: 'čeština' },
          { value: 'en', label: 'English' },
        ]}
      />
      <FormError message={message?.kind === 'error' ? message.text : undefined} />
      {message?.kind === 'ok' && (
        <p className="notice notice-ok" role="status">
          {message.text}
        </p>
      )}
      <div className="form-actions">
        <Button
          onPress={() =>
            void save().then(
              (ok) => ok && setMessage({ kind: 'ok', text: t('plan.evaluation.textsSaved') }),
            )
          }
        >
          {t('plan.evaluation.saveTexts')}
        </Button>
        <Button variant="primary" onPress={() => void doExport()} isDisabled={busy || !canExport}>
          {busy ? t('plan.evaluation.exporting') : t('plan.evaluation.export')}
        </Button>
      </div>
    </section>
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
  const { t } = useTranslation();
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
  const [discussedBy, setDiscussedBy] = useState('');
  const [message, setMessage] = useState<string>();
  const activities = evaluation.activities.filter((a) => !groupId || a.workingGroupId === groupId);
  const priorities = [
    ...new Map(
      activities.flatMap((a) => (a.priority ? [[a.priority.id, a.priority]] : [])),
    ).values(),
  ];
  const comments = view.comments.filter((c) => c.period === period && c.workingGroupId === groupId);
  const scopeLabel = groupId
    ? `${groups.find((g) => g.id === groupId)?.code ?? ''}`
    : t('plan.evaluation.wholePlan');

  const setStatus = async (status: 'draft' | 'submitted' | 'discussed') => {
    try {
      await setEvaluationVersion(db, plan.id, {
        period,
        workingGroupId: groupId,
        status,
        by: discussedBy,
      });
      setMessage(undefined);
    } catch (e) {
      setMessage(describeError(t, e));
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
          onChange={setGroupId}
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
        <FormError message={message} />
        <h3>{t('plan.evaluation.versionComments')}</h3>
        <CommentLog comments={comments.filter((c) => !c.planItemId)} />
        <CommentForm
          planId={plan.id}
          period={period}
          workingGroupId={groupId}
          label={t('plan.evaluation.commentOnVersion')}
        />
      </section>

      <ReportPanel
        key={`${groupId}/${period}`}
        view={view}
        version={version}
        groupId={groupId}
        period={period}
        priorities={priorities}
        scopeLabel={scopeLabel}
        canExport={activities.length > 0}
      />

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
    </div>
  );
}
