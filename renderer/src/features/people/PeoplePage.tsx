import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, TriadRole } from '@shared/domain';
import { fold, fullName, TRIAD_ROLES } from '@shared/domain';
import { Button } from '../../components/Button';
import { RowButton } from '../../components/RowButton';
import { SortableHeader } from '../../components/SortableHeader';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { CheckboxInput, SelectInput, TextInput } from '../../components/fields';
import {
  db,
  personUsage,
  removePerson,
  usePeople,
  type PersonRow,
  type PersonUsage,
} from '../../db';
import { collator } from '../../i18n/format';
import { PersonForm } from './PersonForm';
import { PersonPrivacyDialog } from '../safety/PersonPrivacyDialog';

const column = createColumnHelper<PersonRow>();

/** Case- and diacritics-insensitive match, so "novakova" finds "Nováková". */

export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const people = usePeople(showArchived);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<TriadRole | ''>('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [removing, setRemoving] = useState<{ person: Person; usage: PersonUsage } | null>(null);
  const [privacy, setPrivacy] = useState<string | null>(null);

  const columns = useMemo(() => {
    const cmp = collator();
    return [
      column.accessor((p) => `${p.lastName} ${p.firstName}`, {
        id: 'name',
        header: () => t('people.name'),
        sortingFn: (a, b) =>
          cmp.compare(a.original.lastName, b.original.lastName) ||
          cmp.compare(a.original.firstName, b.original.firstName),
        cell: (c) => (
          <>
            {fullName(c.row.original)}{' '}
            {c.row.original.archivedAt && <span className="badge">{t('common.archived')}</span>}
          </>
        ),
      }),
      column.accessor((p) => p.organizationName ?? '', {
        id: 'organization',
        header: () => t('people.organization'),
        // Long names are cut with "…" so that every row stays one line; hover shows all.
        cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
        sortingFn: (a, b) =>
          cmp.compare(a.getValue<string>('organization'), b.getValue<string>('organization')),
      }),
      column.accessor('triadRole', {
        header: () => t('triad.label'),
        cell: (c) => (
          <span className={`triad-chip triad-${c.getValue()}`}>{t(`triad.${c.getValue()}`)}</span>
        ),
        sortingFn: (a, b) =>
          TRIAD_ROLES.indexOf(a.original.triadRole) - TRIAD_ROLES.indexOf(b.original.triadRole),
        filterFn: 'equals',
      }),
      column.accessor((p) => p.email ?? '', {
        id: 'email',
        header: () => t('people.email'),
        cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
      }),
      column.accessor((p) => p.phone ?? '', {
        id: 'phone',
        header: () => t('people.phone'),
        enableSorting: false,
      }),
    ];
    // i18n.language: re-create headers and collation when the language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language]);

  const data = useMemo(() => people ?? [], [people]);
  // A fresh filters array each render would recompute the row model and loop (TanStack resets state on change).
  const columnFilters = useMemo(() => (role ? [{ id: 'triadRole', value: role }] : []), [role]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is designed for this use
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: search, columnFilters },
    autoResetPageIndex: false,
    onSortingChange: setSorting,
    globalFilterFn: (row, _col, value: string) => {
      const p = row.original;
      return fold(
        [fullName(p), p.organizationName, p.email, p.phone, p.note].filter(Boolean).join(' '),
      ).includes(fold(value));
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const list = useVirtualRows(rows.length, {
    kind: 'table',
    estimateSize: 37,
    layoutKey: i18n.language,
  });

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={people ? t('people.shown', { count: rows.length }) : t('common.loading')}
        actions={
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('people.add')}
          </Button>
        }
      />
      <div className="toolbar">
        <TextInput
          label={t('common.search')}
          type="search"
          value={search}
          onChange={setSearch}
          placeholder={t('people.searchPlaceholder')}
        />
        <SelectInput
          label={t('triad.label')}
          value={role}
          onChange={(v) => setRole(v as TriadRole | '')}
          emptyLabel={t('people.allRoles')}
          options={TRIAD_ROLES.map((r) => ({ value: r, label: t(`triad.${r}`) }))}
        />
        <CheckboxInput
          label={t('common.showArchived')}
          checked={showArchived}
          onChange={setShowArchived}
        />
      </div>
      {people && people.length === 0 ? (
        <EmptyState
          action={
            <Button variant="primary" onPress={() => setEditing('new')}>
              {t('people.add')}
            </Button>
          }
        >
          {t('people.empty')}
        </EmptyState>
      ) : (
        <table
          className={`data-table people-table ${list.className}`}
          aria-label={t('people.title')}
          {...list.tableProps}
        >
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => (
                  <SortableHeader key={h.id} header={h} />
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
              columns={6}
              row={(index, props) => {
                const row = rows[index]!;
                const person = row.original;
                const name = fullName(person);
                return (
                  <tr key={row.id} {...props} className={person.archivedAt ? 'archived' : ''}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={`col-${cell.column.id}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                    <td className="row-actions">
                      <RowButton
                        onClick={() => setPrivacy(person.id)}
                        aria-label={`${t('safety.person.action')}: ${name}`}
                      >
                        {t('safety.person.action')}
                      </RowButton>
                      {!person.archivedAt && (
                        <>
                          <RowButton
                            onClick={() => setEditing(person)}
                            aria-label={`${t('common.edit')}: ${name}`}
                          >
                            {t('common.edit')}
                          </RowButton>
                          <RowButton
                            aria-label={`${t('common.delete')}: ${name}`}
                            onClick={async () =>
                              setRemoving({ person, usage: await personUsage(db, person.id) })
                            }
                          >
                            {t('common.delete')}
                          </RowButton>
                        </>
                      )}
                    </td>
                  </tr>
                );
              }}
            />
          </tbody>
        </table>
      )}
      {people && people.length > 0 && rows.length === 0 && (
        <EmptyState>{t('people.noMatch')}</EmptyState>
      )}
      {privacy && <PersonPrivacyDialog personId={privacy} onClose={() => setPrivacy(null)} />}
      {editing && (
        <PersonForm
          person={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('people.deleteTitle', { name: fullName(removing.person) })}
          text={
            removing.usage.attendance + removing.usage.meetingRoles > 0
              ? t('people.deleteWithHistory', {
                  memberships: removing.usage.memberships,
                  attendance: removing.usage.attendance,
                  roles: removing.usage.meetingRoles,
                })
              : t('people.deleteNoHistory')
          }
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            await removePerson(db, removing.person.id);
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
