import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Membership } from '@shared/domain';
import { fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import {
  db,
  removeBody,
  removeMembership,
  todayIso,
  useBody,
  useBodyMembers,
  useMeetings,
  type MemberRow,
} from '../../db';
import { formatDate } from '../../i18n/format';
import { memberRoleKey } from '../../i18n/roles';
import { MeetingForm } from '../meetings/MeetingForm';
import { MeetingList } from '../meetings/MeetingList';
import { BodyForm } from './BodyForm';
import { MembershipForm } from './MembershipForm';
import { RulesSummary } from './RulesSummary';

export function BodyDetailPage() {
  const { bodyId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const body = useBody(bodyId);
  const members = useBodyMembers(bodyId);
  const meetings = useMeetings(bodyId);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [member, setMember] = useState<Membership | 'new' | null>(null);
  const [ending, setEnding] = useState<MemberRow | null>(null);
  const [scheduling, setScheduling] = useState(false);

  if (body === undefined) return <p>{t('common.loading')}</p>;
  if (body === null) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const today = todayIso();
  const upcoming = (meetings ?? []).filter((m) => m.date >= today);
  const past = (meetings ?? []).filter((m) => m.date < today).reverse();

  return (
    <>
      <PageHeader
        title={
          <>
            <span className="code-badge">{body.code}</span> {body.name}
          </>
        }
        subtitle={`${t(`bodyKind.${body.kind}`)}${body.targetGroup ? ` · ${body.targetGroup}` : ''}`}
        actions={
          <>
            <Button onPress={() => setEditing(true)}>{t('common.edit')}</Button>
            <Button variant="ghost" onPress={() => setRemoving(true)}>
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <Tabs className="tabs">
        <TabList aria-label={body.name} className="tab-list">
          <Tab id="members">{t('bodies.members')}</Tab>
          <Tab id="meetings">{t('bodies.meetings')}</Tab>
          <Tab id="rules">{t('bodies.rules')}</Tab>
        </TabList>
        <TabPanel id="members">
          <div className="toolbar">
            <Button variant="primary" onPress={() => setMember('new')}>
              {t('bodies.addMember')}
            </Button>
          </div>
          {members && members.length === 0 ? (
            <EmptyState>{t('bodies.noMembers')}</EmptyState>
          ) : (
            <table className="data-table members-table">
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.organization')}</th>
                  <th scope="col">{t('triad.label')}</th>
                  <th scope="col">{t('bodies.role')}</th>
                  <th scope="col">{t('bodies.votingRight')}</th>
                  <th scope="col">{t('bodies.substitute')}</th>
                  <th scope="col">
                    {t('bodies.from')}–{t('bodies.to')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members?.map((m) => {
                  const ended = m.to !== undefined && m.to < today;
                  return (
                    <tr key={m.id} className={ended ? 'archived' : ''}>
                      <td className="nowrap">{fullName(m.person)}</td>
                      <td className="cell-truncate" title={m.organizationName}>
                        {m.organizationName ?? ''}
                      </td>
                      <td>
                        <span className={`triad-chip triad-${m.person.triadRole}`}>
                          {t(`triad.${m.person.triadRole}`)}
                        </span>
                      </td>
                      <td>{t(memberRoleKey(m.role, m.person))}</td>
                      <td>{m.votingRight ? t('common.yes') : t('common.no')}</td>
                      <td>{m.substitute ? fullName(m.substitute) : ''}</td>
                      <td>
                        {formatDate(m.from)}–{m.to ? formatDate(m.to) : ''}{' '}
                        {ended && <span className="badge">{t('bodies.ended')}</span>}
                      </td>
                      <td className="row-actions">
                        <Button
                          variant="ghost"
                          onPress={() => setMember(m)}
                          aria-label={`${t('common.edit')}: ${fullName(m.person)}`}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          variant="ghost"
                          onPress={() => setEnding(m)}
                          aria-label={`${t('bodies.removeMember')}: ${fullName(m.person)}`}
                        >
                          {t('bodies.removeMember')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </TabPanel>
        <TabPanel id="meetings">
          <div className="toolbar">
            <Button variant="primary" onPress={() => setScheduling(true)}>
              {t('meetings.add')}
            </Button>
          </div>
          <h2>{t('meetings.upcoming')}</h2>
          <MeetingList meetings={upcoming} empty={t('meetings.emptyUpcoming')} showBody={false} />
          <h2>{t('meetings.past')}</h2>
          <MeetingList meetings={past} empty={t('meetings.emptyPast')} showBody={false} />
        </TabPanel>
        <TabPanel id="rules">
          <p className="muted">{t('bodies.rulesHint')}</p>
          <RulesSummary rules={body.rules} />
          <Button onPress={() => setEditing(true)}>{t('common.edit')}</Button>
        </TabPanel>
      </Tabs>
      {editing && <BodyForm body={body} onClose={() => setEditing(false)} />}
      {member && (
        <MembershipForm
          bodyId={body.id}
          membership={member === 'new' ? undefined : member}
          onClose={() => setMember(null)}
        />
      )}
      {scheduling && <MeetingForm bodyId={body.id} onClose={() => setScheduling(false)} />}
      {ending && (
        <ConfirmDialog
          isOpen
          title={t('bodies.removeMember')}
          text={t('bodies.removeMemberConfirm', { name: fullName(ending.person) })}
          confirmLabel={t('common.delete')}
          onCancel={() => setEnding(null)}
          onConfirm={async () => {
            await removeMembership(db, ending.id);
            setEnding(null);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('bodies.deleteTitle', { code: body.code })}
          text={(meetings ?? []).length > 0 ? t('bodies.deleteUsed') : t('bodies.deleteUnused')}
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            await removeBody(db, body.id);
            navigate('/bodies');
          }}
        />
      )}
    </>
  );
}
