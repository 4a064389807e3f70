import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEvaluation, PlanItem } from '@shared/plan';
import { treePlaces } from '@shared/plan';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { describeError } from '../../components/errors';
import { RowButton } from '../../components/RowButton';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import { db, movePlanItem, removePlanItem, type PlanView } from '../../db';
import { ItemForm } from './ItemForm';
import { MonitoringForm } from './MonitoringForm';
import { StatusChip } from './StatusChip';
import { levelName } from './levelName';

interface Props {
  view: PlanView;
  evaluation: PlanEvaluation;
  period: number;
  onImport: () => void;
}

type Editing = { item?: PlanItem; parent?: PlanItem } | null;

export function StructureTab({ view, evaluation, period, onImport }: Props) {
  const { t } = useTranslation();
  const { plan, items, bodies, organizations } = view;
  const [editing, setEditing] = useState<Editing>(null);
  const [reporting, setReporting] = useState<PlanItem | null>(null);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const [error, setError] = useState<string>();
  const byActivity = new Map(evaluation.activities.map((a) => [a.item.id, a]));
  const bodyCode = new Map(bodies.map((b) => [b.id, b.code]));
  // One pass over the tree, not a scan of every item per row.
  const places = useMemo(() => treePlaces(items), [items]);

  const addPriority = (
    <Button variant="primary" onPress={() => setEditing({})}>
      + {levelName(plan, 1)}
    </Button>
  );
  const form = editing && (
    <ItemForm
      plan={plan}
      bodies={bodies}
      organizations={organizations}
      item={editing.item}
      parent={editing.parent}
      onClose={() => setEditing(null)}
    />
  );
  // A plan of 150 activities with their measures and priorities: only the rows on screen.
  const list = useVirtualRows(items.length, { kind: 'list', estimateSize: 54 });
  if (items.length === 0) {
    return (
      <>
        <EmptyState
          action={
            <div className="page-actions center">
              {addPriority}
              <Button onPress={onImport}>{t('plan.import.open')}</Button>
            </div>
          }
        >
          {t('plan.tree.empty', { level: levelName(plan, 1) })}
        </EmptyState>
        {form}
      </>
    );
  }

  return (
    <>
      <div className="toolbar">
        {addPriority}
        <span className="muted small">{t('plan.tree.hint')}</span>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <ul
        className={`plan-tree ${list.className}`}
        aria-label={t('plan.tabs.tree')}
        {...list.containerProps}
      >
        <VirtualRows
          list={list}
          row={(index, props) => {
            const item = items[index]!;
            const place = places.get(item.id);
            const first = place?.first ?? true;
            const last = place?.last ?? true;
            const a = byActivity.get(item.id);
            const group = item.workingGroupId ? bodyCode.get(item.workingGroupId) : undefined;
            return (
              <li
                key={item.id}
                {...props}
                className={`plan-node level-${item.level}`}
                aria-label={`${item.code} ${item.title}`}
              >
                <span className="code-badge small">{item.code}</span>
                <div className="plan-node-main">
                  <button
                    type="button"
                    className="link-button plan-node-title"
                    onClick={() => setEditing({ item })}
                  >
                    {item.title}
                  </button>
                  <div className="plan-node-meta">
                    <span className="muted">{levelName(plan, item.level)}</span>
                    {group && <span className="badge">{group}</span>}
                    {item.formerCodes.length > 0 && (
                      <span className="muted small">
                        {t('plan.tree.formerly', { codes: item.formerCodes.join(', ') })}
                      </span>
                    )}
                    {item.originCode && (
                      <span className="muted small">
                        {t('plan.tree.origin', { code: item.originCode })}
                      </span>
                    )}
                    {item.level < 3 && (
                      <span className="muted small">
                        {t('plan.tree.children', { count: place?.children ?? 0 })}
                      </span>
                    )}
                  </div>
                </div>
                <div className="plan-node-status">
                  {a && <StatusChip status={a.status} fulfilment={a.record?.fulfilment} />}
                </div>
                <div className="row-actions">
                  {item.level === 3 && (
                    <RowButton
                      onClick={() => setReporting(item)}
                      aria-label={t('plan.monitoring.recordFor', { code: item.code })}
                    >
                      {t('plan.monitoring.record')}
                    </RowButton>
                  )}
                  {item.level < 3 && (
                    <RowButton
                      onClick={() => setEditing({ parent: item })}
                      aria-label={t('plan.tree.addChildTo', {
                        level: levelName(plan, (item.level + 1) as 2 | 3),
                        code: item.code,
                      })}
                    >
                      + {levelName(plan, (item.level + 1) as 2 | 3)}
                    </RowButton>
                  )}
                  <RowButton
                    disabled={first}
                    aria-label={t('plan.tree.moveUp', { code: item.code })}
                    onClick={() => void movePlanItem(db, item.id, -1)}
                  >
                    ↑
                  </RowButton>
                  <RowButton
                    disabled={last}
                    aria-label={t('plan.tree.moveDown', { code: item.code })}
                    onClick={() => void movePlanItem(db, item.id, 1)}
                  >
                    ↓
                  </RowButton>
                  <RowButton
                    aria-label={t('plan.tree.remove', { code: item.code })}
                    onClick={() => setRemoving(item)}
                  >
                    ✕
                  </RowButton>
                </div>
              </li>
            );
          }}
        />
      </ul>
      {form}
      {reporting && (
        <MonitoringForm
          plan={plan}
          item={reporting}
          period={period}
          current={byActivity.get(reporting.id)?.record}
          onClose={() => setReporting(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('plan.tree.removeTitle', { code: removing.code })}
          text={
            removing.level < 3
              ? t('plan.tree.removeWithChildren', { title: removing.title })
              : t('plan.tree.removeText', { title: removing.title })
          }
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            try {
              setError(undefined);
              await removePlanItem(db, removing.id);
            } catch (e) {
              setError(describeError(t, e));
            }
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
