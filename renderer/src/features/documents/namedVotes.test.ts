// A named vote (not secret, not the public's) in the minutes: who voted how, read from the
// stored ballots (namedBallots) and worded under the resolution, in Czech and English.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PollInput } from '@shared/domain';
import { addAgendaItem } from '../../db/meetings/agenda';
import { markAttendance } from '../../db/meetings/attendance';
import { createMeeting } from '../../db/meetings/meetings';
import { createPerson } from '../../db/people/people';
import {
  addHandCount,
  castBallot,
  closePoll,
  createPoll,
  namedBallots,
  openPoll,
} from '../../db/polls/polls';
import { db, groupOfMembers } from '../../db/testDb';
import { exportMeetingDocument } from './exportMeeting';

async function paragraphs(lang: 'cs' | 'en', meetingId: string): Promise<string[]> {
  const doc = await exportMeetingDocument(db, meetingId, 'minutes', lang);
  const xml = await (await JSZip.loadAsync(doc.bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

describe('named votes in the minutes', () => {
  it('lists who voted how for a roll call and a named choice, nobody for a secret poll', async () => {
    const { body, members } = await groupOfMembers('PS1', 5);
    const { meeting } = await createMeeting(
      db,
      { bodyId: body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    );
    const item = await addAgendaItem(db, meeting.id, { title: 'Priority' });
    const sub = await createPerson(db, {
      title: 'Mgr.',
      firstName: 'Alena',
      lastName: 'Alexová',
      triadRole: 'public',
    });
    for (const personId of members.slice(0, 4))
      await markAttendance(db, { meetingId: meeting.id, personId, status: 'present' });
    await markAttendance(db, {
      meetingId: meeting.id,
      personId: members[4]!,
      status: 'substituted',
      substituteId: sub.id,
    });
    const poll = async (title: string, over: Pick<PollInput, 'method'> & Partial<PollInput>) => {
      const p = await createPoll(db, item.id, { title, secret: false, ...over });
      await openPoll(db, p.id);
      return p;
    };

    const roll = await poll('Schválit program', { method: 'resolution' });
    const votes = ['yes', 'yes', 'no', 'abstain', 'yes'] as const;
    for (const [i, vote] of votes.entries())
      await castBallot(db, roll.id, members[i]!, { vote }, 'rollCall');
    await closePoll(db, roll.id, { verb: 'approves', text: 'program jednání' });

    const choice = await poll('Priorita', {
      method: 'singleChoice',
      options: ['Denní stacionář', 'Senior taxi'],
    });
    const [stacionar, taxi] = (await db.polls.get(choice.id))!.options.map((o) => o.id);
    await castBallot(db, choice.id, members[0]!, { choices: [taxi!] }, 'kiosk');
    await castBallot(db, choice.id, members[1]!, { choices: [stacionar!] }, 'kiosk');
    await castBallot(db, choice.id, members[4]!, { choices: [taxi!] }, 'kiosk');
    await castBallot(db, choice.id, members[2]!, { choices: [] }, 'kiosk');
    await closePoll(db, choice.id, { verb: 'recommends', text: 'prioritu' });

    // Counts entered by hand name nobody: no list for this poll (it would read as everyone).
    const mixed = await poll('Smíšeně', { method: 'resolution' });
    await castBallot(db, mixed.id, members[0]!, { vote: 'yes' }, 'rollCall');
    await addHandCount(db, mixed.id, { yes: 2, no: 1, abstain: 0 });
    await closePoll(db, mixed.id, { verb: 'approves', text: 'smíšeně' });

    const secret = await poll('Tajně', {
      method: 'singleChoice',
      secret: true,
      options: ['Logo A', 'Logo B'],
    });
    const logoA = (await db.polls.get(secret.id))!.options[0]!.id;
    await castBallot(db, secret.id, members[0]!, { choices: [logoA] }, 'kiosk');
    await closePoll(db, secret.id, { verb: 'approves', text: 'tajné' });

    // Storage: only the closed named polls' ballots are read.
    const named = await namedBallots(
      db,
      await db.polls.where('meetingId').equals(meeting.id).toArray(),
    );
    expect([...named.keys()].sort()).toEqual([roll.id, choice.id, mixed.id].sort());
    expect(named.get(roll.id)).toHaveLength(5);

    // By surname; the substituted seat under the substitute's own name.
    const all = await paragraphs('cs', meeting.id);
    // A secret poll names nobody and says it was secret.
    expect(all).toContain('Hlasování o pořadí – výběr jedné možnosti; tajné hlasování');
    const cs = all.filter((p) => p.startsWith('Jmenovitě'));
    expect(cs).toEqual([
      'Jmenovitě – pro: Mgr. Alena Alexová, Člen PS1-1, Člen PS1-2; proti: Člen PS1-3; zdrželi se: Člen PS1-4.',
      'Jmenovitě – Denní stacionář: Člen PS1-2; Senior taxi: Mgr. Alena Alexová, Člen PS1-1; prázdný hlas: Člen PS1-3; nehlasovali: Člen PS1-4.',
    ]);
    const en = (await paragraphs('en', meeting.id)).filter((p) => p.startsWith('By name'));
    expect(en[0]).toBe(
      'By name – for: Mgr. Alena Alexová, Člen PS1-1, Člen PS1-2; against: Člen PS1-3; abstained: Člen PS1-4.',
    );
    expect(en[1]).toContain('; did not vote: Člen PS1-4.');
    expect(en).toHaveLength(2);
  });
});
