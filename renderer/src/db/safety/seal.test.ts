import { describe, expect, it } from 'vitest';
import { addAgendaItem, saveDiscussion } from '../meetings/agenda';
import { addNewGuest, clearAttendance, markAttendance } from '../meetings/attendance';
import {
  entryHash,
  flushDrafts,
  mergeAuditForRestore,
  verifyAuditChain,
  verifyEntries,
  type AuditEntry,
} from './audit';
import { createMeeting, removeMeeting, updateMeeting } from '../meetings/meetings';
import { addAmendment, approveMinutes, setMinutesStatus } from '../meetings/minutes';
import { castBallot, closePoll, createPoll, openPoll } from '../polls/polls';
import { addResolution, addTask } from '../meetings/resolutions';
import {
  checkIntegrity,
  checkPaperFingerprint,
  checkSeal,
  contentHash,
  formatFingerprint,
  minutesContent,
  sealFingerprint,
} from './seal';
import { db, domainCode, groupOfMembers } from '../testDb';

/** Writes straight into IndexedDB, past every repository and the audit: what a forger would do. */
async function tamper(store: string, edit: (s: IDBObjectStore) => void): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(db.name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    edit(tx.objectStore(store));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
}
const auditRows = async () => (await db.table('audit').toArray()) as AuditEntry[];
const sealEntry = async (meetingId: string) =>
  (await auditRows()).find((e) => e.op === 'seal' && e.recordId === meetingId)!;

/** A meeting with attendance, a discussion, a secret poll closed into a resolution, a task. */
async function heldMeeting() {
  const g = await groupOfMembers('PS1', 5);
  const { meeting } = await createMeeting(
    db,
    { bodyId: g.body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
    '2026-01-01',
  );
  for (const personId of g.members.slice(0, 4))
    await markAttendance(db, { meetingId: meeting.id, personId, status: 'present' });
  const item = await addAgendaItem(db, meeting.id, { title: 'Priority' });
  await saveDiscussion(db, item.id, 'Diskuse o prioritách.');
  const poll = await createPoll(db, item.id, {
    title: 'Senior taxi',
    method: 'resolution',
    secret: true,
    options: [],
  });
  await openPoll(db, poll.id);
  for (const [i, vote] of ['yes', 'yes', 'no'].entries())
    await castBallot(db, poll.id, g.members[i]!, { vote }, 'kiosk');
  await closePoll(db, poll.id, { verb: 'approves', text: 'Schvaluje senior taxi' });
  await addTask(db, meeting.id, { text: 'Zaslat rozpočet' }, item.id);
  return { ...g, meeting, item, poll };
}

async function approved() {
  const s = await heldMeeting();
  await setMinutesStatus(db, s.meeting.id, 'toVerify');
  await setMinutesStatus(db, s.meeting.id, 'verified');
  await approveMinutes(db, s.meeting.id, { by: 'tacit', on: '2026-03-31' });
  return s;
}

describe('the seal of approved minutes', () => {
  it('is written with the approval and covers attendance, programme, polls, ballots, tasks', async () => {
    const s = await approved();
    const meeting = (await db.meetings.get(s.meeting.id))!;
    expect(meeting.minutesStatus).toBe('approved');
    const content = await minutesContent(db, s.meeting.id);
    expect(meeting.minutesSeal?.hash).toBe(contentHash(content));
    expect(content.attendance).toHaveLength(4);
    expect(content.polls).toHaveLength(1);
    expect(content.ballots).toHaveLength(3);
    expect(content.tasks).toHaveLength(1);
    expect(content.meeting).toMatchObject({ minutesStatus: 'approved' });
    const check = await checkSeal(db, s.meeting.id);
    expect(check).toMatchObject({ state: 'ok', amendments: 0 });
    const fingerprint = await sealFingerprint(db, s.meeting.id);
    expect(fingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
    expect(fingerprint).toBe(formatFingerprint(meeting.minutesSeal!.hash));
    // The approval and the seal are consecutive links of one chain, written together.
    const rows = await auditRows();
    const seal = rows.find((e) => e.op === 'seal')!;
    const before = rows.find((e) => e.hash === seal.prev)!;
    expect(before).toMatchObject({ table: 'meetings', op: 'update' });
    expect(before.after?.minutesSeal).toMatchObject({ hash: meeting.minutesSeal!.hash });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('a failing approval writes neither status nor seal', async () => {
    const s = await heldMeeting();
    await setMinutesStatus(db, s.meeting.id, 'toVerify');
    await setMinutesStatus(db, s.meeting.id, 'verified');
    expect(
      await domainCode(approveMinutes(db, s.meeting.id, { by: 'resolution', resolutionId: 'x' })),
    ).toBe('errors.approvalResolution');
    expect((await db.meetings.get(s.meeting.id))!.minutesSeal).toBeUndefined();
    expect((await auditRows()).some((e) => e.op === 'seal')).toBe(false);
    expect(await checkSeal(db, s.meeting.id)).toEqual({ state: 'none' });
  });

  it('content changed in IndexedDB shows as a mismatch, with what changed', async () => {
    const s = await approved();
    const a = (await db.attendance.where('meetingId').equals(s.meeting.id).first())!;
    await tamper('attendance', (st) => st.put({ ...a, status: 'absent' }));
    const check = await checkSeal(db, s.meeting.id);
    expect(check.state).toBe('mismatch');
    if (check.state === 'mismatch')
      expect(check.changes).toEqual([
        { path: `attendance[${a.id}].status`, before: 'present', after: 'absent' },
      ]);
    // A ballot is part of the minutes too.
    await tamper('attendance', (st) => st.put(a));
    expect((await checkSeal(db, s.meeting.id)).state).toBe('ok');
    const ballot = (await db.ballots.toArray())[0]!;
    const vote = (ballot.ballot as { vote?: string }).vote === 'no' ? 'yes' : 'no';
    await tamper('ballots', (st) => st.put({ ...ballot, ballot: { kind: 'individual', vote } }));
    expect((await checkSeal(db, s.meeting.id)).state).toBe('mismatch');
  });

  it('content and seal rewritten together are still caught, and the paper fingerprint tells', async () => {
    const s = await approved();
    const original = (await sealFingerprint(db, s.meeting.id))!;
    const item = (await db.agendaItems.get(s.item.id))!;
    await tamper('agendaItems', (st) => st.put({ ...item, discussion: 'Jiná diskuse.' }));
    const forged = await minutesContent(db, s.meeting.id);
    const forgedHash = contentHash(forged);
    // 1. The seal entry's hash and content rewritten: its chain hash no longer fits.
    const seal = await sealEntry(s.meeting.id);
    const rewritten = { ...seal, after: { ...seal.after, hash: forgedHash, content: forged } };
    await tamper('audit', (st) => st.put(rewritten));
    expect((await checkSeal(db, s.meeting.id)).state).toBe('tampered');
    expect((await verifyAuditChain(db)).ok).toBe(false);
    // 2. Its chain hash recomputed too: the meeting's own copy of the seal disagrees.
    await tamper('audit', (st) => st.put({ ...rewritten, hash: entryHash(rewritten) }));
    expect((await checkSeal(db, s.meeting.id)).state).toBe('tampered');
    // 3. The meeting's copy rewritten as well: the approval entry that recorded it disagrees.
    const meeting = (await db.meetings.get(s.meeting.id))!;
    await tamper('meetings', (st) =>
      st.put({ ...meeting, minutesSeal: { ...meeting.minutesSeal!, hash: forgedHash } }),
    );
    expect((await checkSeal(db, s.meeting.id)).state).toBe('tampered');
    // Whoever also rewrites that entry and every link after it could make the local check
    // pass; the fingerprint on paper is computed from the data and still differs.
    expect(await checkPaperFingerprint(db, s.meeting.id, original)).toMatchObject({
      result: 'noMatch',
    });
  });

  it('a deleted seal is reported missing', async () => {
    const s = await approved();
    const seal = await sealEntry(s.meeting.id);
    await tamper('audit', (st) => st.delete(seal.id));
    expect(await checkSeal(db, s.meeting.id)).toEqual({ state: 'missing' });
    const report = await checkIntegrity(db);
    expect(report.ok).toBe(false);
    expect(report.seals).toEqual([{ meetingId: s.meeting.id, check: { state: 'missing' } }]);
  });

  it('a seal from before the chain (no hash) cannot be checked and counts as missing', async () => {
    const s = await approved();
    const seal = await sealEntry(s.meeting.id);
    const { hash: _h, prev: _p, n: _n, ...legacy } = seal;
    await tamper('audit', (st) => st.put(legacy));
    expect(await checkSeal(db, s.meeting.id)).toEqual({ state: 'missing' });
  });

  it('never goes back from approved: the status change is refused, and a forged one unlocks nothing', async () => {
    const s = await approved();
    expect(await domainCode(setMinutesStatus(db, s.meeting.id, 'draft'))).toBe(
      'errors.minutesTransition',
    );
    const meeting = (await db.meetings.get(s.meeting.id))!;
    const { minutesApproval: _a, minutesSeal: _s, ...rest } = meeting;
    await tamper('meetings', (st) => st.put({ ...rest, minutesStatus: 'draft' }));
    expect(await domainCode(saveDiscussion(db, s.item.id, 'Přepsáno'))).toBe(
      'errors.minutesLocked',
    );
    expect(
      await domainCode(
        markAttendance(db, { meetingId: s.meeting.id, personId: s.members[4]!, status: 'present' }),
      ),
    ).toBe('errors.minutesLocked');
    expect(await domainCode(setMinutesStatus(db, s.meeting.id, 'toVerify'))).toBe(
      'errors.minutesLocked',
    );
    expect(await domainCode(removeMeeting(db, s.meeting.id))).toBe('errors.minutesLocked');
    expect((await checkSeal(db, s.meeting.id)).state).toBe('tampered');
  });

  it('an amendment re-seals; a paper fingerprint from before it still matches the data', async () => {
    const s = await approved();
    const first = (await sealFingerprint(db, s.meeting.id))!;
    await addAmendment(db, s.meeting.id, { reason: 'Překlep', text: 'Správně: Horáková' }, 'P');
    const second = (await sealFingerprint(db, s.meeting.id))!;
    expect(second).not.toBe(first);
    expect(await checkSeal(db, s.meeting.id)).toMatchObject({ state: 'ok', amendments: 1 });
    expect(await checkPaperFingerprint(db, s.meeting.id, second.toLowerCase())).toEqual({
      result: 'matches',
      amendments: 1,
      latest: true,
    });
    expect(await checkPaperFingerprint(db, s.meeting.id, first.replace(/ /g, '-'))).toEqual({
      result: 'matches',
      amendments: 0,
      latest: false,
    });
    expect(await checkPaperFingerprint(db, s.meeting.id, 'xyz')).toEqual({ result: 'invalid' });
    // An amendment slipped in past the app does not match the seal.
    const amendment = (await db.amendments.toArray())[0]!;
    await tamper('amendments', (st) => st.put({ ...amendment, text: 'Jinak' }));
    expect((await checkSeal(db, s.meeting.id)).state).toBe('mismatch');
  });
});

describe('locking (issue 11)', () => {
  it('attendance of approved minutes cannot change', async () => {
    const s = await approved();
    const before = await db.attendance.toArray();
    expect(
      await domainCode(
        markAttendance(db, { meetingId: s.meeting.id, personId: s.members[0]!, status: 'absent' }),
      ),
    ).toBe('errors.minutesLocked');
    expect(await domainCode(clearAttendance(db, s.meeting.id, s.members[0]!))).toBe(
      'errors.minutesLocked',
    );
    expect(
      await domainCode(
        addNewGuest(db, s.meeting.id, { firstName: 'Host', lastName: 'Nový', triadRole: 'public' }),
      ),
    ).toBe('errors.minutesLocked');
    expect(await db.attendance.toArray()).toEqual(before);
    expect((await checkSeal(db, s.meeting.id)).state).toBe('ok');
  });

  it('an edit after "ověřeno" sends the minutes back to "k ověření" and says when', async () => {
    const s = await heldMeeting();
    await setMinutesStatus(db, s.meeting.id, 'toVerify');
    await setMinutesStatus(db, s.meeting.id, 'verified');
    await markAttendance(db, {
      meetingId: s.meeting.id,
      personId: s.members[4]!,
      status: 'present',
    });
    let m = (await db.meetings.get(s.meeting.id))!;
    expect(m.minutesStatus).toBe('toVerify');
    expect(m.changedAfterVerification).toMatch(/^\d{4}-/);
    await setMinutesStatus(db, s.meeting.id, 'verified');
    m = (await db.meetings.get(s.meeting.id))!;
    expect(m.changedAfterVerification).toBeUndefined();
    // Every kind of minutes content does it: discussion, resolution, header.
    for (const edit of [
      () => saveDiscussion(db, s.item.id, 'Doplněno po ověření'),
      () =>
        addResolution(db, s.item.id, {
          verb: 'takesNote',
          text: 'Bere na vědomí',
          result: { kind: 'consensus' },
        }),
      () =>
        updateMeeting(
          db,
          s.meeting.id,
          {
            bodyId: s.body.id,
            date: '2026-03-10',
            timeFrom: '09:00',
            timeTo: '11:30',
            place: 'MÚ',
          },
          '2026-01-01',
        ),
    ]) {
      expect((await db.meetings.get(s.meeting.id))!.minutesStatus).toBe('verified');
      await edit();
      expect((await db.meetings.get(s.meeting.id))!.minutesStatus).toBe('toVerify');
      await setMinutesStatus(db, s.meeting.id, 'verified');
    }
  });
});

describe('the audit chain', () => {
  it('links every entry to the one before; an edited or removed entry breaks it', async () => {
    await heldMeeting();
    await flushDrafts(db);
    const rows = await auditRows();
    expect(rows.length).toBeGreaterThan(10);
    const report = await verifyAuditChain(db);
    expect(report).toEqual({ ok: true, entries: rows.length, problems: [] });
    const chain = rows.filter((e) => !e.side).sort((a, b) => a.n! - b.n!);
    expect(chain.map((e) => e.n)).toEqual(chain.map((_, i) => i));
    const middle = chain[5]!;
    await tamper('audit', (st) => st.put({ ...middle, user: 'Někdo jiný' }));
    expect((await verifyAuditChain(db)).problems).toEqual([{ kind: 'hash', id: middle.id }]);
    await tamper('audit', (st) => st.delete(middle.id));
    expect((await verifyAuditChain(db)).problems).toEqual([
      { kind: 'link', id: chain[6]!.id, missing: middle.hash },
    ]);
  });

  it('secret ballots stay out of the chain order; the closed poll vouches for all of them', async () => {
    const s = await heldMeeting();
    const rows = await auditRows();
    const ballots = rows.filter((e) => e.table === 'ballots');
    expect(ballots).toHaveLength(3);
    const opened = rows.find(
      (e) => e.table === 'polls' && e.recordId === s.poll.id && e.after?.status === 'open',
    )!;
    for (const b of ballots) {
      expect(b.side).toBe(true);
      expect(b.n).toBeUndefined();
      expect(b.prev).toBe(opened.hash);
    }
    // No chained entry links to a ballot, so the chain cannot tell the order they were cast in.
    const ballotHashes = new Set(ballots.map((b) => b.hash));
    expect(rows.filter((e) => !e.side && ballotHashes.has(e.prev!))).toEqual([]);
    const closing = rows.find(
      (e) => e.table === 'polls' && e.recordId === s.poll.id && e.after?.status === 'closed',
    )!;
    expect(closing.covers).toEqual([...ballotHashes].sort());
    await tamper('audit', (st) => st.delete(ballots[1]!.id));
    expect((await verifyAuditChain(db)).problems).toEqual([
      { kind: 'link', id: closing.id, missing: ballots[1]!.hash },
    ]);
  });

  it('a restore merges append-only: local entries stay, the file adds its own, one restore entry joins both', () => {
    const mk = (id: string, prev: string | undefined, n: number, at: string): AuditEntry => {
      const e: AuditEntry = {
        id,
        table: 'tasks',
        recordId: 't',
        op: 'update',
        at,
        n,
        prev: prev ?? '0'.repeat(64),
      };
      return { ...e, hash: entryHash(e) };
    };
    const a = mk('a', undefined, 0, '2026-01-01T00:00:00.000Z');
    const b = mk('b', a.hash, 1, '2026-01-02T00:00:00.000Z');
    const cLocal = mk('c', b.hash, 2, '2026-01-03T00:00:00.000Z');
    const dFile = mk('d', b.hash, 2, '2026-01-04T00:00:00.000Z');
    const merged = mergeAuditForRestore([a, b, cLocal], [a, b, dFile], {
      createdAt: '2026-01-04T00:00:00.000Z',
      sha256: 'f'.repeat(64),
      counts: { tasks: 1 },
    });
    expect(merged.slice(0, 3)).toEqual([a, b, cLocal]);
    expect(merged[3]).toEqual(dFile);
    const restore = merged[4]!;
    expect(restore).toMatchObject({
      op: 'restore',
      prev: dFile.hash === restore.prev ? dFile.hash : cLocal.hash,
      covers: [dFile.hash],
      n: 3,
      after: { added: 1, sha256: 'f'.repeat(64) },
    });
    expect(restore.prev).toBe(cLocal.hash);
    expect(verifyEntries(merged)).toEqual({ ok: true, entries: 5, problems: [] });
    // A file entry that lost its predecessor shows as a broken link after the merge.
    const orphan = mk('e', 'a'.repeat(64), 3, '2026-01-05T00:00:00.000Z');
    expect(verifyEntries(mergeAuditForRestore([a], [orphan], restore.after as never)).ok).toBe(
      false,
    );
  });
});
