import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { SelectInput } from '../../components/fields';
import { todayIso, useBodies, useMeetings } from '../../db';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';

export function MeetingsPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState('');
  const meetings = useMeetings(bodyId || undefined);
  const [scheduling, setScheduling] = useState(false);
  const today = todayIso();
  const upcoming = (meetings ?? []).filter((m) => m.date >= today);
  const past = (meetings ?? []).filter((m) => m.date < today).reverse();
  const noBodies = bodies !== undefined && bodies.length === 0;

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        actions={
          <Button variant="primary" onPress={() => setScheduling(true)} isDisabled={noBodies}>
            {t('meetings.add')}
          </Button>
        }
      />
      {noBodies ? (
        <EmptyState>{t('meetings.noBodies')}</EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <SelectInput
              label={t('meetings.body')}
              value={bodyId}
              onChange={setBodyId}
              emptyLabel={t('meetings.allBodies')}
              options={(bodies ?? []).map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))}
            />
          </div>
          <Tabs className="tabs">
            <TabList aria-label={t('meetings.title')} className="tab-list">
              <Tab id="upcoming">
                {t('meetings.upcoming')} ({upcoming.length})
              </Tab>
              <Tab id="past">
                {t('meetings.past')} ({past.length})
              </Tab>
            </TabList>
            <TabPanel id="upcoming">
              <MeetingList meetings={upcoming} empty={t('meetings.emptyUpcoming')} />
            </TabPanel>
            <TabPanel id="past">
              <MeetingList meetings={past} empty={t('meetings.emptyPast')} />
            </TabPanel>
          </Tabs>
        </>
      )}
      {scheduling && (
        <MeetingForm bodyId={bodyId || undefined} onClose={() => setScheduling(false)} />
      )}
    </>
  );
}
