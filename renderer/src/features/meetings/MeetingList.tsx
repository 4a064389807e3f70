import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingNumber } from '@shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { useVirtualRows, VirtualRows } from '../../components/VirtualRows';
import type { MeetingRow } from '../../db';
import { formatDate, formatTimeRange } from '../../i18n/format';

export function MeetingList({
  meetings,
  empty,
  showBody = true,
}: {
  meetings: MeetingRow[];
  empty: string;
  showBody?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // Ten years of a region: 1,200 past meetings; only the ones on screen are rendered.
  const list = useVirtualRows(meetings.length, {
    kind: 'table',
    estimateSize: 42,
    layoutKey: i18n.language,
  });
  if (meetings.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <table className={`data-table ${list.className}`} {...list.tableProps}>
      <thead>
        <tr>
          <th scope="col">{t('meetings.date')}</th>
          <th scope="col">{t('meetings.time')}</th>
          {showBody && <th scope="col">{t('meetings.body')}</th>}
          <th scope="col">{t('meetings.number')}</th>
          <th scope="col">{t('meetings.place')}</th>
        </tr>
      </thead>
      <tbody {...list.containerProps}>
        <VirtualRows
          list={list}
          columns={showBody ? 5 : 4}
          row={(index, props) => {
            const m = meetings[index]!;
            return (
              <tr key={m.id} {...props}>
                <td>
                  <Link to={`/meetings/${m.id}`}>{formatDate(m.date)}</Link>
                </td>
                <td>{formatTimeRange(m.timeFrom, m.timeTo)}</td>
                {showBody && (
                  <td>
                    <span className="code-badge small">{m.body.code}</span> {m.body.name}
                  </td>
                )}
                <td>{meetingNumber(m)}</td>
                <td>{m.place}</td>
              </tr>
            );
          }}
        />
      </tbody>
    </table>
  );
}
