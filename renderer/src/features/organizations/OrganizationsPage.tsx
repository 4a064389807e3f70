import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { RowButton } from '../../components/RowButton';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import { CheckboxInput } from '../../components/fields';
import {
  db,
  organizationUsage,
  removeOrganization,
  restoreOrganization,
  useOrganizations,
  usePeople,
} from '../../db';
import { OrganizationForm } from './OrganizationForm';

export function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const orgs = useOrganizations(showArchived);
  const people = usePeople(true);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [removing, setRemoving] = useState<{ org: Organization; people: number } | null>(null);

  const counts = new Map<string, number>();
  for (const p of people ?? [])
    if (p.organizationId) counts.set(p.organizationId, (counts.get(p.organizationId) ?? 0) + 1);

  const rows = orgs ?? [];
  const list = useVirtualRows(rows.length, {
    kind: 'table',
    estimateSize: 44,
    layoutKey: i18n.language,
  });

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        actions={
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('orgs.add')}
          </Button>
        }
      />
      <div className="toolbar">
        <CheckboxInput
          label={t('common.showArchived')}
          checked={showArchived}
          onChange={setShowArchived}
        />
      </div>
      {orgs && orgs.length === 0 ? (
        <EmptyState
          action={
            <Button variant="primary" onPress={() => setEditing('new')}>
              {t('orgs.add')}
            </Button>
          }
        >
          {t('orgs.empty')}
        </EmptyState>
      ) : (
        <table className={`data-table ${list.className}`} {...list.tableProps}>
          <thead>
            <tr>
              <th scope="col">{t('orgs.name')}</th>
              <th scope="col">{t('orgs.ico')}</th>
              <th scope="col">{t('orgs.kind')}</th>
              <th scope="col" className="num">
                {t('orgs.people')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody {...list.containerProps}>
            <VirtualRows
              list={list}
              columns={5}
              row={(index, props) => {
                const o = rows[index]!;
                return (
                  <tr key={o.id} {...props} className={o.archivedAt ? 'archived' : ''}>
                    <td>
                      {o.name}{' '}
                      {o.archivedAt && <span className="badge">{t('common.archived')}</span>}
                    </td>
                    <td className="mono">{o.ico ?? ''}</td>
                    <td>{t(`orgKind.${o.kind}`)}</td>
                    <td className="num">{counts.get(o.id) ?? 0}</td>
                    <td className="row-actions">
                      {o.archivedAt ? (
                        <RowButton onClick={() => void restoreOrganization(db, o.id)}>
                          {t('common.restore')}
                        </RowButton>
                      ) : (
                        <>
                          <RowButton
                            onClick={() => setEditing(o)}
                            aria-label={`${t('common.edit')}: ${o.name}`}
                          >
                            {t('common.edit')}
                          </RowButton>
                          <RowButton
                            aria-label={`${t('common.delete')}: ${o.name}`}
                            onClick={async () =>
                              setRemoving({
                                org: o,
                                people: (await organizationUsage(db, o.id)).people,
                              })
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
      {editing && (
        <OrganizationForm
          organization={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('orgs.deleteTitle', { name: removing.org.name })}
          text={
            removing.people > 0
              ? t('orgs.deleteWithPeople', { count: removing.people })
              : t('orgs.deleteNoPeople')
          }
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            await removeOrganization(db, removing.org.id);
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
