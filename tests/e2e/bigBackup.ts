// A big backup made from a real one: the meetings of an app-written backup (the sample region)
// are copied `copies` times with everything that hangs on them (attendance, agenda, polls and
// their ballots, resolutions, tasks), under new ids, and sealed again as a format-2 file.
// Copies are draft minutes without seals; polls keep their ballots, so their recount still holds.
import { buildBackup, type BackupData } from '../../shared/backup/envelope';

type Row = Record<string, unknown>;

export async function inflateBackup(
  fileText: string,
  copies: number,
): Promise<{ text: string; rows: number; counts: Record<string, number> }> {
  const env = JSON.parse(fileText) as {
    appVersion: string;
    schemaVersion: number;
    createdAt: string;
    data: BackupData;
  };
  const data = structuredClone(env.data);
  const by = (table: string, meetingId: string) =>
    (env.data[table] ?? []).filter((r) => r.meetingId === meetingId);
  for (let k = 1; k <= copies; k++) {
    const id = (old: unknown) => (typeof old === 'string' ? `${old}~${k}` : old);
    for (const meeting of env.data.meetings ?? []) {
      const items = by('agendaItems', meeting.id as string);
      const polls = by('polls', meeting.id as string);
      const itemIds = new Set(items.map((i) => i.id));
      const pollIds = new Set(polls.map((p) => p.id));
      const mapItem = (v: unknown) => (itemIds.has(v as string) ? id(v) : v);
      const mapPoll = (v: unknown) => (pollIds.has(v as string) ? id(v) : v);
      const copy: Row = { ...meeting, id: id(meeting.id), minutesStatus: 'draft' };
      delete copy.minutesApproval;
      delete copy.minutesSeal;
      delete copy.nextMeetingId;
      data.meetings!.push(copy);
      const m = copy.id;
      for (const a of by('attendance', meeting.id as string))
        data.attendance!.push({ ...a, id: id(a.id), meetingId: m });
      for (const i of items) data.agendaItems!.push({ ...i, id: id(i.id), meetingId: m });
      const resolutions = by('resolutions', meeting.id as string);
      const resolutionIds = new Set(resolutions.map((r) => r.id));
      for (const r of resolutions)
        data.resolutions!.push({
          ...r,
          id: id(r.id),
          meetingId: m,
          agendaItemId: mapItem(r.agendaItemId),
          ...(r.pollId ? { pollId: mapPoll(r.pollId) } : {}),
        });
      for (const t of by('tasks', meeting.id as string))
        data.tasks!.push({
          ...t,
          id: id(t.id),
          meetingId: m,
          ...(t.agendaItemId ? { agendaItemId: mapItem(t.agendaItemId) } : {}),
        });
      for (const p of polls) {
        data.polls!.push({
          ...p,
          id: id(p.id),
          meetingId: m,
          agendaItemId: mapItem(p.agendaItemId),
          ...(p.resolutionId && resolutionIds.has(p.resolutionId as string)
            ? { resolutionId: id(p.resolutionId) }
            : {}),
        });
        for (const b of (env.data.ballots ?? []).filter((x) => x.pollId === p.id))
          data.ballots!.push({ ...b, id: id(b.id), pollId: id(p.id) });
      }
    }
  }
  const { text } = await buildBackup(data, {
    appVersion: env.appVersion,
    schemaVersion: env.schemaVersion,
    createdAt: env.createdAt,
  });
  const counts = Object.fromEntries(Object.entries(data).map(([t, r]) => [t, r.length]));
  return { text, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}
