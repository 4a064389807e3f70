import type { AgendaItem, AgendaItemInput, AgendaKind } from '@shared/domain';
import {
  agendaItemInput,
  discussionText,
  isSafeText,
  MAX_DISCUSSION_LENGTH,
  reorder,
} from '@shared/domain';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';

async function itemsOf(db: AppDb, meetingId: string): Promise<AgendaItem[]> {
  return (await db.agendaItems.where('meetingId').equals(meetingId).toArray()).sort(
    (a, b) => a.order - b.order,
  );
}

function newItem(
  meetingId: string,
  order: number,
  data: ReturnType<typeof agendaItemInput.parse>,
): AgendaItem {
  const now = nowIso();
  const item: AgendaItem = {
    id: newId(),
    meetingId,
    order,
    discussion: '',
    elapsedMs: 0,
    createdAt: now,
    updatedAt: now,
    title: data.title,
    kind: data.kind,
  };
  if (data.presenter) item.presenter = data.presenter;
  if (data.plannedMinutes !== undefined) item.plannedMinutes = data.plannedMinutes;
  if (data.note) item.note = data.note;
  return item;
}

export async function addAgendaItem(
  db: AppDb,
  meetingId: string,
  input: AgendaItemInput,
): Promise<AgendaItem> {
  const data = parseOrThrow(agendaItemInput, input);
  return db.transaction('rw', db.agendaItems, db.meetings, async () => {
    await editableMeeting(db, meetingId);
    const items = await itemsOf(db, meetingId);
    // A new item goes before "Různé" and "Termín příštího jednání", which close every programme.
    const tailOf = (kinds: string[]) => items.findIndex((i) => kinds.includes(i.kind));
    const tail =
      data.kind === 'next'
        ? -1
        : data.kind === 'other'
          ? tailOf(['next'])
          : tailOf(['other', 'next']);
    const position = tail < 0 ? items.length : tail;
    const item = newItem(meetingId, position + 1, data);
    for (const later of items.slice(position))
      await db.agendaItems.update(later.id, { order: later.order + 1 });
    await db.agendaItems.add(item);
    return item;
  });
}

/** Adds several items at the end, in one transaction (standard items, templates, copies). */
export async function addAgendaItems(
  db: AppDb,
  meetingId: string,
  inputs: AgendaItemInput[],
): Promise<void> {
  const parsed = inputs.map((i) => parseOrThrow(agendaItemInput, i));
  await db.transaction('rw', db.agendaItems, db.meetings, async () => {
    await editableMeeting(db, meetingId);
    const start = (await itemsOf(db, meetingId)).length;
    await db.agendaItems.bulkAdd(parsed.map((data, i) => newItem(meetingId, start + i + 1, data)));
  });
}

export async function updateAgendaItem(
  db: AppDb,
  id: string,
  input: AgendaItemInput,
): Promise<void> {
  const data = parseOrThrow(agendaItemInput, input);
  await db.transaction('rw', db.agendaItems, db.meetings, async () => {
    const item = await db.agendaItems.get(id);
    if (!item) throw new DomainError('errors.notFound');
    await editableMeeting(db, item.meetingId);
    const next: AgendaItem = { ...item, title: data.title, kind: data.kind, updatedAt: nowIso() };
    delete next.presenter;
    delete next.plannedMinutes;
    delete next.note;
    if (data.presenter) next.presenter = data.presenter;
    if (data.plannedMinutes !== undefined) next.plannedMinutes = data.plannedMinutes;
    if (data.note) next.note = data.note;
    await db.agendaItems.put(next);
  });
}

export async function removeAgendaItem(db: AppDb, id: string): Promise<void> {
  await db.transaction('rw', [db.agendaItems, db.meetings, db.resolutions, db.tasks], async () => {
    const item = await db.agendaItems.get(id);
    if (!item) return;
    await editableMeeting(db, item.meetingId);
    const linked =
      (await db.resolutions.where('agendaItemId').equals(id).count()) +
      (await db.tasks.filter((t) => t.agendaItemId === id).count());
    if (linked > 0) throw new DomainError('errors.itemHasRecords');
    await db.agendaItems.delete(id);
    const rest = await itemsOf(db, item.meetingId);
    await Promise.all(
      rest.map((r, i) =>
        r.order === i + 1 ? null : db.agendaItems.update(r.id, { order: i + 1 }),
      ),
    );
  });
}

/** Moves an item within the programme; orders stay 1..n without gaps. */
export async function moveAgendaItem(
  db: AppDb,
  meetingId: string,
  from: number,
  to: number,
): Promise<void> {
  await db.transaction('rw', db.agendaItems, db.meetings, async () => {
    await editableMeeting(db, meetingId);
    const ids = reorder(await itemsOf(db, meetingId), from, to);
    await Promise.all(ids.map((id, i) => db.agendaItems.update(id, { order: i + 1 })));
  });
}

/** The stored minutes moved on since the editor last saw them; `stored` is what is there now. */
export class DiscussionConflict extends DomainError {
  constructor(readonly stored: string) {
    super('errors.discussionConflict');
    this.name = 'DiscussionConflict';
  }
}

/**
 * Live minutes. `expected` is the text the editor last saw stored: when the stored text is
 * different (another window or a restore wrote since), nothing is written and the
 * DiscussionConflict carries the stored text, so neither version is lost. The check and the
 * write share one transaction. Text over MAX_DISCUSSION_LENGTH is refused, never cut.
 */
export async function saveDiscussion(
  db: AppDb,
  id: string,
  discussion: string,
  expected?: string,
): Promise<void> {
  if (!discussionText.safeParse(discussion).success)
    throw new DomainError('errors.discussionTooLong', { max: MAX_DISCUSSION_LENGTH });
  if (!isSafeText(discussion)) throw new DomainError('errors.unsafeText');
  await db.transaction('rw', db.agendaItems, db.meetings, async () => {
    const item = await db.agendaItems.get(id);
    if (!item) throw new DomainError('errors.notFound');
    await editableMeeting(db, item.meetingId);
    if (item.discussion === discussion) return;
    if (expected !== undefined && item.discussion !== expected)
      throw new DiscussionConflict(item.discussion);
    // put, not update: the record is already read, and every round trip counts while typing.
    await db.agendaItems.put({ ...item, discussion, updatedAt: nowIso() });
  });
}

export async function toggleTimer(db: AppDb, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.agendaItems, db.meetings, async () => {
    const item = await db.agendaItems.get(id);
    if (!item) throw new DomainError('errors.notFound');
    // The clock is not minutes content: running it does not send verified minutes back.
    await editableMeeting(db, item.meetingId, { reopen: false });
    if (item.runningSince) {
      const elapsedMs = item.elapsedMs + Math.max(0, now.getTime() - Date.parse(item.runningSince));
      await db.agendaItems.update(id, { elapsedMs, runningSince: undefined });
    } else {
      // Only one clock runs at a time: starting an item stops the others of the meeting.
      const running = await db.agendaItems
        .where('meetingId')
        .equals(item.meetingId)
        .filter((i) => !!i.runningSince)
        .toArray();
      for (const r of running) {
        await db.agendaItems.update(r.id, {
          elapsedMs: r.elapsedMs + Math.max(0, now.getTime() - Date.parse(r.runningSince!)),
          runningSince: undefined,
        });
      }
      await db.agendaItems.update(id, { runningSince: now.toISOString() });
    }
  });
}

export async function setCurrentItem(db: AppDb, meetingId: string, itemId: string): Promise<void> {
  await db.meetings.update(meetingId, { currentItemId: itemId });
}

/** The programme of the body's previous meeting, without its minutes. */
export async function previousAgenda(
  db: AppDb,
  meetingId: string,
): Promise<{ title: string; kind: AgendaKind; presenter?: string; plannedMinutes?: number }[]> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return [];
  const earlier = (await db.meetings.where('bodyId').equals(meeting.bodyId).toArray())
    .filter((m) => m.id !== meeting.id && m.date + m.timeFrom < meeting.date + meeting.timeFrom)
    .sort((a, b) => (b.date + b.timeFrom).localeCompare(a.date + a.timeFrom));
  for (const m of earlier) {
    const items = await itemsOf(db, m.id);
    if (items.length)
      return items.map(({ title, kind, presenter, plannedMinutes }) => ({
        title,
        kind,
        presenter,
        plannedMinutes,
      }));
  }
  return [];
}

export async function saveAgendaTemplate(
  db: AppDb,
  bodyId: string,
  name: string,
  meetingId: string,
): Promise<void> {
  const items = (await itemsOf(db, meetingId)).map(({ title, kind, plannedMinutes }) =>
    plannedMinutes === undefined ? { title, kind } : { title, kind, plannedMinutes },
  );
  if (!name.trim()) throw new DomainError('errors.required');
  if (name.trim().length > 120) throw new DomainError('errors.tooLong');
  if (!isSafeText(name)) throw new DomainError('errors.unsafeText');
  if (items.length === 0) throw new DomainError('errors.emptyAgenda');
  const now = nowIso();
  await db.agendaTemplates.add({
    id: newId(),
    bodyId,
    name: name.trim(),
    items,
    createdAt: now,
    updatedAt: now,
  });
}
