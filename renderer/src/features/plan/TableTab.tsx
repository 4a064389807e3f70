import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import type { PlanEvaluation, PlanItem, PlanLevel, StatusOrNone } from '@shared/plan';
import { compareCodes, plannedCostIn } from '@shared/plan';
import { RowButton } from '../../components/RowButton';
import { SortableHeader } from '../../components/SortableHeader';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import { describeError } from '../../components/errors';
import { SelectInput } from '../../components/fields';
import { db, updatePlanItem, type PlanView } from '../../db';
import { inputFromItem } from './itemInput';
import { ItemForm } from './ItemForm';
import { formatMoney } from './planFormat';
import { StatusChip } from './StatusChip';
import { levelName } from './levelName';

interface Row {
  item: PlanItem;
  status?: StatusOrNone;
  fulfilment?: number;
  planned: number;
  implementers: string;
}

const column = createColumnHelper<Row>();

/** A cell that edits one text field of an item and saves on blur or Enter. */
function InlineText({
  item,
  field,
  label,
  onError,
}: {
  item: PlanItem;
  field: 'title' | 'codeOverride';
  label: string;
  onError: (m?: string) => void;
}) {
  const { t } = useTranslation();
  const stored = field === 'title' ? item.title : (item.codeOverride ?? '');
  const [value, setValue] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setValue(stored);
  }
  const save = async () => {
    if (value === stored) return;
    try {
      await updatePlanItem(db, item.id, { ...inputFromItem(item), [field]: value });
      onError(undefined);
    } catch (e) {
      onError(describeError(t, e));
      setValue(stored);
    }
  };
  return (
    <input
      className={`inline-input inline-${field}`}
      aria-label={label}
      value={value}
      placeholder={field === 'codeOverride' ? item.code : undefined}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setValue(stored);
      }}
    />
  );
}

export function TableTab({
  view,
  evaluation,
  period,
}: {
  view: PlanView;
  evaluation: PlanEvaluation;
  period: number;
}) {
  const { t, i18n } = useTranslation();
  const { plan, items, bodies, organizations } = view;
  const [level, setLevel] = useState<'' | `${PlanLevel}`>('3');
  const [group, setGroup] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'code', desc: false }]);
  const [editing, setEditing] = useState<PlanItem | null>(null);
  const [error, setError] = useState<string>();
  const orgName = useMemo(() => new Map(organizations.map((o) => [o.id, o.name])), [organizations]);
  const byActivity = useMemo(
    () => new Map(evaluation.activities.map((a) => [a.item.id, a])),
    [evaluation],
  );

  const data = useMemo<Row[]>(
    () =>
      items
        .filter((i) => !level || i.level === Number(level))
        .filter(
          (i) =>
            !group || (byActivity.get(i.id)?.workingGroupId ?? i.workingGroupId ?? '') === group,
        )
        .map((item) => {
          const a = byActivity.get(item.id);
          const row: Row = {
            item,
            planned: plannedCostIn(item.costs, period),
            implementers: item.implementerIds.map((id) => orgName.get(id) ?? '').join(', '),
          };
          if (a) {
            row.status = a.status;
            if (a.record?.fulfilment !== undefined) row.fulfilment = a.record.fulfilment;
          }
          return row;
        }),
    [items, level, group, byActivity, period, orgName],
  );

  const columns = useMemo(
    () => [
      column.accessor((r) => r.item.code, {
        id: 'code',
        header: () => t('plan.table.code'),
        sortingFn: (a, b) => compareCodes(a.original.item.code, b.original.item.code),
      }),
      column.accessor((r) => r.item.codeOverride ?? '', {
        id: 'override',
        header: () => t('plan.table.override'),
        enableSorting: false,
        cell: (c) => (
          <InlineText
            item={c.row.original.item}
            field="codeOverride"
            label={t('plan.table.overrideFor', { code: c.row.original.item.code })}
            onError={setError}
          />
        ),
      }),
      column.accessor((r) => r.item.title, {
        id: 'title',
        header: () => t('plan.table.title'),
        cell: (c) => (
          <InlineText
            item={c.row.original.item}
            field="title"
            label={t('plan.table.titleFor', { code: c.row.original.item.code })}
            onError={setError}
          />
        ),
      }),
      column.accessor((r) => r.item.workingGroupId ?? '', {
        id: 'group',
        header: () => t('plan.table.group'),
        cell: (c) => {
          const item = c.row.original.item;
          return (
            <select
              className="inline-input"
              aria-label={t('plan.table.groupFor', { code: item.code })}
              value={item.workingGroupId ?? ''}
              onChange={(e) =>
                void updatePlanItem(db, item.id, {
                  ...inputFromItem(item),
                  workingGroupId: e.target.value,
                }).catch((err: unknown) => setError(describeError(t, err)))
              }
            >
              <option value="">{t('plan.card.inherited')}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.code}
                </option>
              ))}
            </select>
          );
        },
      }),
      column.accessor((r) => r.implementers, {
        id: 'implementers',
        header: () => t('plan.table.implementers'),
        cell: (c) => <span className="small">{c.getValue()}</span>,
      }),
      column.accessor((r) => r.planned, {
        id: 'planned',
        header: () => t('plan.table.planned', { year: period }),
        cell: (c) => (
          <span className="num-cell">{c.getValue() ? formatMoney(c.getValue()) : ''}</span>
        ),
      }),
      column.accessor((r) => r.status ?? '', {
        id: 'status',
        header: () => t('plan.table.status'),
        cell: (c) =>
          c.row.original.status ? (
            <StatusChip status={c.row.original.status} fulfilment={c.row.original.fulfilment} />
          ) : null,
      }),
    ],
    // i18n.language: re-create headers when the language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, bodies, period],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is designed for this use
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.item.id,
  });
  const rows = table.getRowModel().rows;
  const list = useVirtualRows(rows.length, {
    kind: 'table',
    estimateSize: 48,
    layoutKey: i18n.language,
  });

  return (
    <>
      <div className="toolbar">
        <SelectInput
          label={t('plan.table.level')}
          value={level}
          onChange={(v) => setLevel(v as typeof level)}
          emptyLabel={t('plan.table.allLevels')}
          options={([1, 2, 3] as const).map((l) => ({
            value: String(l),
            label: levelName(plan, l),
          }))}
        />
        <SelectInput
          label={t('plan.table.group')}
          value={group}
          onChange={setGroup}
          emptyLabel={t('common.all')}
          options={bodies.map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
        />
        <span className="muted small">{t('plan.table.hint')}</span>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <table
        className={`data-table plan-table ${list.className}`}
        aria-label={t('plan.tabs.table')}
        {...list.tableProps}
      >
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <SortableHeader
                  key={h.id}
                  header={h}
                  className={h.id === 'planned' ? 'num' : undefined}
                />
              ))}
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody {...list.containerProps}>
          <VirtualRows
            list={list}
            columns={columns.length + 1}
            row={(index, props) => {
              const row = rows[index]!;
              return (
                <tr key={row.id} {...props} className={`level-row-${row.original.item.level}`}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cell.column.id === 'planned' ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                  <td className="row-actions">
                    <RowButton
                      onClick={() => setEditing(row.original.item)}
                      aria-label={t('plan.table.cardFor', { code: row.original.item.code })}
                    >
                      {t('plan.table.card')}
                    </RowButton>
                  </td>
                </tr>
              );
            }}
          />
        </tbody>
      </table>
      {editing && (
        <ItemForm
          plan={plan}
          bodies={bodies}
          organizations={organizations}
          item={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
