// While a secret poll is open, its ballots and the poll record (its voter list) stay in the
// outbox: pushed one vote at a time, revisions would pair a voter with a ballot (docs/sync.md).
import { afterEach, describe, expect, it } from 'vitest';
import { markAttendance } from '../../../renderer/src/db/meetings/attendance';
import { castBallot, closePoll, createPoll, openPoll } from '../../../renderer/src/db/polls/polls';
import { pushOutbox } from '../../../renderer/src/db/sync/bridge';
import { heldBackCount } from '../../../renderer/src/db/sync/holdBack';
import { closeLaptop, laptop, type Laptop } from './helpers';
import { prepareMeeting } from './scenario';

const open: Laptop[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await closeLaptop(l);
});

const docIds = async (l: Laptop, table: string) =>
  (await l.pouch.changes({ since: 0 })).results
    .map((r) => r.id)
    .filter((id) => id.startsWith(`${table}:`));

async function pollWithVoters(secret: boolean) {
  const a = await laptop('Jana');
  open.push(a);
  const base = await prepareMeeting(a);
  for (const personId of base.members)
    await markAttendance(a.db, { meetingId: base.meetingId, personId, status: 'present' });
  const poll = await createPoll(a.db, base.itemId, {
    title: 'Schválení zápisu',
    method: 'resolution',
    secret,
    options: ['A', 'B'],
  });
  await pushOutbox(a.db, a.pouch);
  await openPoll(a.db, poll.id);
  return { a, base, poll };
}

describe('secret ballots are held back from sync while the poll is open', () => {
  it('pushes no ballot and no voter list until the poll closes, then all of them at once', async () => {
    const { a, base, poll } = await pollWithVoters(true);
    for (const [i, voter] of base.members.entries()) {
      await castBallot(a.db, poll.id, voter, { vote: i === 2 ? 'no' : 'yes' }, 'kiosk');
      await pushOutbox(a.db, a.pouch);
      // Nothing of the vote left this laptop: no ballot, and the poll is still the draft.
      expect(await docIds(a, 'ballots')).toEqual([]);
      const pushed = await a.pouch.get(`polls:${poll.id}`);
      expect((pushed.data as { status: string; voters: string[] }).status).toBe('draft');
      expect((pushed.data as { voters: string[] }).voters).toEqual([]);
    }
    expect(await heldBackCount(a.db)).toBe(4); // three ballots and the poll
    await closePoll(a.db, poll.id, { verb: 'approves', text: 'Schvaluje zápis' });
    expect(await heldBackCount(a.db)).toBe(0);
    await pushOutbox(a.db, a.pouch);
    expect(await docIds(a, 'ballots')).toHaveLength(3);
    const closed = await a.pouch.get(`polls:${poll.id}`);
    expect((closed.data as { status: string; voters: string[] }).status).toBe('closed');
    expect((closed.data as { voters: string[] }).voters).toHaveLength(3);
    // The poll document has no revision in which only some voters are listed.
    const revs = await a.pouch.get(`polls:${poll.id}`, { revs: true });
    expect(revs._revisions!.ids).toHaveLength(2); // the draft, then the closed poll
    expect(await a.db.table('outbox').count()).toBe(0);
  });

  it('a public poll travels vote by vote as before', async () => {
    const { a, base, poll } = await pollWithVoters(false);
    await castBallot(a.db, poll.id, base.members[0]!, { vote: 'yes' }, 'kiosk');
    expect(await heldBackCount(a.db)).toBe(0);
    await pushOutbox(a.db, a.pouch);
    expect(await docIds(a, 'ballots')).toHaveLength(1);
    const pushed = await a.pouch.get(`polls:${poll.id}`);
    expect((pushed.data as { voters: string[] }).voters).toEqual([base.members[0]]);
  });
});
