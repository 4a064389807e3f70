// The backup round trip as a property: whatever sequence of things a group does in the app
// (meetings, attendance, programme, minutes, polls of every method opened and closed,
// resolutions, tasks and their reviews, minutes approval and amendments, the plan and its
// monitoring, GDPR anonymization), a backup of the result restores to the same database.
// Text is drawn from an alphabet that includes what a paste can bring (control characters,
// bidi overrides, lone surrogates): whatever a repository accepts, the restore must accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, POLL_METHODS, type PollMethod } from '@shared/domain';
import { addAgendaItem, saveDiscussion } from '../../renderer/src/db/meetings/agenda';
import { markAttendance } from '../../renderer/src/db/meetings/attendance';
import {
  createBackup,
  dumpTables,
  markBackupVerified,
  readBackupFile,
  restoreBackup,
} from '../../renderer/src/db/safety/backup';
import { addMembership, createBody } from '../../renderer/src/db/people/bodies';
import { DomainError, ValidationError } from '../../renderer/src/db/errors';
import { anonymizePerson } from '../../renderer/src/db/people/gdpr';
import { createMeeting, removeMeeting } from '../../renderer/src/db/meetings/meetings';
import {
  addAmendment,
  approveMinutes,
  setMinutesStatus,
} from '../../renderer/src/db/meetings/minutes';
import { createPerson } from '../../renderer/src/db/people/people';
import { addPlanItem, createPlan, recordMonitoring } from '../../renderer/src/db/plan/planRepo';
import {
  addHandCount,
  castBallot,
  closePoll,
  createPoll,
  openPoll,
} from '../../renderer/src/db/polls/polls';
import { addResolution, addTask } from '../../renderer/src/db/meetings/resolutions';
import { AppDb } from '../../renderer/src/db/schema';
import { checkIntegrity } from '../../renderer/src/db/safety/seal';
import { reviewTask } from '../../renderer/src/db/meetings/tasks';

const text = fc
  .array(
    fc.constantFrom(
      'a',
      'ž',
      'Ř',
      ' ',
      '1',
      '\n',
      '„',
      '“',
      '\u202E',
      '\u0000',
      '\uD800',
      '😀',
      'é',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((cs) => cs.join(''));
const pick = fc.nat(50);

const op = fc.oneof(
  fc.record({ k: fc.constant('meeting' as const), day: fc.nat(300) }),
  fc.record({ k: fc.constant('removeMeeting' as const), m: pick }),
  fc.record({
    k: fc.constant('attend' as const),
    m: pick,
    p: pick,
    status: fc.constantFrom('present', 'excused', 'absent') as fc.Arbitrary<
      'present' | 'excused' | 'absent'
    >,
    left: fc.boolean(),
  }),
  fc.record({ k: fc.constant('item' as const), m: pick, title: text }),
  fc.record({ k: fc.constant('discussion' as const), i: pick, text }),
  fc.record({
    k: fc.constant('resolution' as const),
    i: pick,
    yes: fc.nat(6),
    no: fc.nat(6),
    abstain: fc.nat(3),
    text,
  }),
  fc.record({ k: fc.constant('task' as const), m: pick, owner: pick, text }),
  fc.record({
    k: fc.constant('review' as const),
    t: pick,
    m: pick,
    status: fc.constantFrom('open', 'inProgress', 'done', 'cancelled'),
    comment: text,
  }),
  fc.record({
    k: fc.constant('poll' as const),
    i: pick,
    method: fc.constantFrom(...POLL_METHODS),
    secret: fc.boolean(),
    voters: fc.array(fc.nat(10), { maxLength: 6 }),
    hand: fc.boolean(),
    close: fc.boolean(),
  }),
  fc.record({ k: fc.constant('plan' as const), title: text }),
  fc.record({
    k: fc.constant('monitor' as const),
    a: pick,
    status: fc.constantFrom('done', 'inProgress', 'notStarted'),
    fulfilment: fc.nat(100),
  }),
  fc.record({ k: fc.constant('anonymize' as const), p: pick }),
  fc.record({
    k: fc.constant('minutes' as const),
    m: pick,
    to: fc.constantFrom('toVerify', 'verified', 'approve'),
  }),
  fc.record({ k: fc.constant('amend' as const), m: pick, text }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

/** A ballot of `method` over `options`, varied by `seed` (always one the engine accepts). */
function choice(method: PollMethod, options: string[], seed: number): Record<string, unknown> {
  const first = options[seed % options.length]!;
  switch (method) {
    case 'resolution':
      return { vote: (['yes', 'no', 'abstain'] as const)[seed % 3] };
    case 'singleChoice':
    case 'approval':
      return { choices: [first] };
    case 'points':
      return { points: { [first]: 1 + (seed % 3) } };
    case 'borda':
    case 'schulze':
      return { ranking: [{ optionId: first, rank: 1 }] };
    case 'score':
      return { scores: Object.fromEntries(options.map((o, i) => [o, (seed + i) % 6])) };
  }
}

function handCount(method: PollMethod, options: string[]): Record<string, unknown> {
  switch (method) {
    case 'resolution':
      return { yes: 1, no: 0, abstain: 0 };
    case 'singleChoice':
      return { counts: { [options[0]!]: 1 } };
    case 'approval':
      return { counts: { [options[0]!]: 1 }, voters: 1 };
    case 'points':
      return { points: { [options[0]!]: 1 }, voters: 1 };
    case 'borda':
    case 'schulze':
      return { groups: [{ count: 1, ranking: [{ optionId: options[0]!, rank: 1 }] }] };
    case 'score':
      return { totals: Object.fromEntries(options.map((o) => [o, 3])), voters: 1 };
  }
}

async function world(db: AppDb) {
  const body = await createBody(db, {
    kind: 'working',
    code: 'PS1',
    name: 'Senioři',
    rules: DEFAULT_RULES,
  });
  const people: string[] = [];
  for (let i = 0; i < 8; i++) {
    const p = await createPerson(db, {
      firstName: 'Člen',
      lastName: `Č${i}`,
      triadRole: (['user', 'provider', 'commissioner', 'public'] as const)[i % 4]!,
    });
    people.push(p.id);
    await addMembership(db, {
      bodyId: body.id,
      personId: p.id,
      role: i === 0 ? 'chair' : 'member',
      votingRight: true,
      from: '2025-01-01',
    });
  }
  return {
    body,
    people,
    meetings: [] as string[],
    items: [] as string[],
    tasks: [] as string[],
    activities: [] as string[],
    plans: [] as string[],
  };
}

async function run(db: AppDb, w: Awaited<ReturnType<typeof world>>, o: Op): Promise<void> {
  const meeting = 'm' in o ? at(w.meetings, o.m) : undefined;
  switch (o.k) {
    case 'meeting': {
      const d = new Date(Date.UTC(2026, 0, 5 + o.day)).toISOString().slice(0, 10);
      const m = await createMeeting(
        db,
        { bodyId: w.body.id, date: d, timeFrom: '09:00', timeTo: '11:00', place: 'Vizovice' },
        '2026-01-01',
      );
      w.meetings.push(m.meeting.id);
      return;
    }
    case 'removeMeeting':
      if (meeting) await removeMeeting(db, meeting, '2026-01-01');
      return;
    case 'attend':
      if (!meeting) return;
      await markAttendance(db, {
        meetingId: meeting,
        personId: at(w.people, o.p)!,
        status: o.status,
        ...(o.status === 'present'
          ? { arrivedAt: '09:00', ...(o.left ? { leftAt: '10:30' } : {}) }
          : {}),
      });
      return;
    case 'item':
      if (!meeting) return;
      w.items.push((await addAgendaItem(db, meeting, { title: o.title, kind: 'regular' })).id);
      return;
    case 'discussion': {
      const item = at(w.items, o.i);
      if (item) await saveDiscussion(db, item, o.text);
      return;
    }
    case 'resolution': {
      const item = at(w.items, o.i);
      if (item)
        await addResolution(db, item, {
          verb: 'approves',
          text: o.text,
          result: { kind: 'vote', yes: o.yes, no: o.no, abstain: o.abstain },
        });
      return;
    }
    case 'task':
      if (!meeting) return;
      w.tasks.push(
        (await addTask(db, meeting, { text: o.text, ownerId: at(w.people, o.owner) })).id,
      );
      return;
    case 'review': {
      const task = at(w.tasks, o.t);
      if (task && meeting) await reviewTask(db, task, meeting, o.status as 'done', o.comment);
      return;
    }
    case 'poll': {
      const item = at(w.items, o.i);
      if (!item) return;
      const poll = await createPoll(db, item, {
        title: 'Hlasování',
        method: o.method,
        secret: o.secret,
        options: ['Senior taxi', 'Poradna', 'Odlehčení'],
        pointsPerVoter: 3,
      });
      await openPoll(db, poll.id);
      const ids = poll.options.map((x) => x.id);
      for (const v of o.voters) {
        await castBallot(db, poll.id, at(w.people, v)!, choice(o.method, ids, v), 'kiosk').catch(
          ignoreRefusal,
        );
      }
      if (o.hand) await addHandCount(db, poll.id, handCount(o.method, ids)).catch(ignoreRefusal);
      if (o.close) await closePoll(db, poll.id, { verb: 'recommends', text: 'pořadí' });
      return;
    }
    case 'plan': {
      const plan = await createPlan(db, {
        name: o.title,
        periodFrom: 2026,
        periodTo: 2028,
        status: 'approved',
        workingGroupIds: [w.body.id],
      });
      w.plans.push(plan.id);
      const p = await addPlanItem(db, plan.id, undefined, { title: 'Senioři' });
      const m = await addPlanItem(db, plan.id, p.id, { title: 'Doprava' });
      const a = await addPlanItem(db, plan.id, m.id, { title: o.title, workingGroupId: w.body.id });
      w.activities.push(a.id);
      return;
    }
    case 'monitor': {
      const a = at(w.activities, o.a);
      if (a)
        await recordMonitoring(db, {
          planItemId: a,
          period: 2026,
          status: o.status as 'done',
          fulfilment: o.fulfilment,
          reportedOn: '2026-06-30',
        });
      return;
    }
    case 'anonymize':
      await anonymizePerson(db, at(w.people, o.p)!);
      return;
    case 'minutes':
      if (!meeting) return;
      if (o.to === 'approve') await approveMinutes(db, meeting, { by: 'tacit', on: '2026-12-31' });
      else await setMinutesStatus(db, meeting, o.to as 'toVerify');
      return;
    case 'amend':
      if (meeting) await addAmendment(db, meeting, { reason: 'Překlep', text: o.text }, 'Petra');
      return;
  }
}

/** A command the app refuses (wrong state, bad input) changes nothing; that is fine here. */
function ignoreRefusal(e: unknown): void {
  if (e instanceof DomainError || e instanceof ValidationError) return;
  throw e;
}

const done = new Set<string>();

describe('backup round trip (property)', () => {
  it('every state the repositories can produce backs up and restores to the same database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const db = new AppDb('prop-' + crypto.randomUUID());
        const copy = new AppDb('prop-copy-' + crypto.randomUUID());
        try {
          const w = await world(db);
          for (const o of ops)
            await run(db, w, o).then(
              () => done.add(o.k === 'poll' && o.close ? `closed ${o.method}` : o.k),
              ignoreRefusal,
            );
          const file = await createBackup(db);
          await markBackupVerified(db, file.meta.createdAt);
          await restoreBackup(copy, await readBackupFile(copy, file.bytes));
          const restored = await dumpTables(copy);
          // The audit is append-only: the restore adds one entry saying so, nothing else differs.
          const isRestore = (e: Record<string, unknown>) => e.op === 'restore';
          expect(restored.audit!.filter(isRestore)).toHaveLength(1);
          restored.audit = restored.audit!.filter((e) => !isRestore(e));
          expect(restored).toEqual(await dumpTables(db));
          // The chain of the merged audit and every seal of approved minutes still verify.
          expect((await checkIntegrity(copy)).ok).toBe(true);
        } finally {
          await db.delete();
          await copy.delete();
        }
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 40),
        // One sure path per method besides the random ones: three present, everyone votes, closed.
        examples: [
          // A meeting whose poll was closed, then the meeting deleted: nothing may dangle.
          [
            [
              { k: 'meeting', day: 1 },
              { k: 'item', m: 0, title: 'Priority' },
              ...[0, 1, 2, 3, 4].map((p): Op => ({
                k: 'attend',
                m: 0,
                p,
                status: 'present',
                left: false,
              })),
              {
                k: 'poll',
                i: 0,
                method: 'points',
                secret: false,
                voters: [0, 1],
                hand: false,
                close: true,
              },
              { k: 'removeMeeting', m: 0 },
            ],
          ],
          ...POLL_METHODS.map((method): [Op[]] => [
            [
              { k: 'meeting', day: 3 },
              { k: 'item', m: 0, title: 'Priority' },
              ...[0, 1, 2, 3, 4].map((p): Op => ({
                k: 'attend',
                m: 0,
                p,
                status: 'present',
                left: p === 4,
              })),
              {
                k: 'poll',
                i: 0,
                method,
                secret: method === 'points',
                voters: [0, 1, 2],
                hand: true,
                close: true,
              },
            ],
          ]),
        ],
      },
    );
    // The runs really reached the states the property is about (not only refused commands).
    const expected = [
      ...POLL_METHODS.map((m) => `closed ${m}`),
      ...[
        'attend',
        'discussion',
        'resolution',
        'task',
        'review',
        'monitor',
        'anonymize',
        'minutes',
        'amend',
        'removeMeeting',
      ],
    ];
    expect(expected.filter((k) => !done.has(k))).toEqual([]);
  });
});
