// "Ten years of a region" for the benchmarks (docs/performance.md, issue 12): a deterministic,
// generated region shaped like the Vizovicko sample (shared/sample/vizovicko.ts) at the size of
// a region after a decade: ~400 people, 1 200 meetings, ~30k attendance rows, ~40k ballots, three
// plans of 150 activities, ~3 600 tasks of which ~387 still open, one long meeting. Records are
// plain objects built in memory; the Node benches write them with bulkAdd (openRegionDb), the
// Chromium benches restore them from a backup file built with shared/backup (regionBackup.ts).
import Dexie from 'dexie';
import type {
  AgendaItem,
  Attendance,
  BallotRecord,
  PollRecord,
  AttendanceStatus,
  Body,
  Meeting,
  Membership,
  MemberRole,
  Organization,
  OrganizationKind,
  Person,
  Resolution,
  ResolutionVerb,
  Task,
  TaskStatus,
  TriadRole,
} from '@shared/domain';
import { DEFAULT_RULES } from '@shared/domain';
import type { MonitoringRecord, Plan, PlanItem } from '@shared/plan';
import type {
  AgendaItemView,
  AttendeeRow,
  MinutesDoc,
  ResolutionView,
  TaskView,
} from '@shared/docx';
import { suppressAudit } from '../../renderer/src/db/safety/audit';
import { AppDb } from '../../renderer/src/db/schema';
import { header, project } from '../integration/helpers/docxFixtures';
import { buildPlans } from './planFixture';
import { rollCallPoll } from './pollFixture';

// ---------------------------------------------------------------------------------------------
// Sizes: 40 organizations, 400 people, 12 bodies × 10 meetings a year × 10 years.

export const SIZES = {
  organizations: 40,
  people: 400,
  /** Members and their successors are drawn from people[0 … poolOf); guests from the rest. */
  poolOf: 360,
  poolSize: 60,
  bodies: 12,
  seatsPerBody: 24,
  /** Resolutions decided by a named roll-call poll, per meeting (the first ones of each meeting). */
  pollsPerMeeting: 2,
  years: 10,
  firstYear: 2016,
  meetingsPerYear: 10,
  itemsPerMeeting: 6,
  resolutionsPerMeeting: 4,
  tasksPerMeeting: 3,
  /** The latest meeting of the steering group is a long one (the "export" case). */
  long: { items: 30, discussionChars: 2000, resolutions: 40, tasks: 30 },
} as const;

const NOW = '2026-01-15T08:00:00.000Z';
const stamp = { createdAt: NOW, updatedAt: NOW };

/** mulberry32: the same region on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic UUID-shaped ids: `00000000-0000-4000-8000-000000000001`, … */
function idSource(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const FIRST = [
  'Jana',
  'Petr',
  'Marie',
  'Josef',
  'Eva',
  'Pavel',
  'Lucie',
  'Tomáš',
  'Hana',
  'Jiří',
  'Šárka',
  'Zdeněk',
  'Věra',
  'Ondřej',
  'Kateřina',
  'Roman',
  'Ludmila',
  'Martin',
  'Alena',
  'Michaela',
  'Čestmír',
  'Irena',
  'Radka',
  'Ivana',
];
const LAST = [
  'Nováková',
  'Svoboda',
  'Dvořáková',
  'Černá',
  'Horáková',
  'Kučera',
  'Malý',
  'Šimková',
  'Bartoš',
  'Řeháková',
  'Zedník',
  'Vlčková',
  'Čech',
  'Pospíšilová',
  'Hájek',
  'Machalová',
  'Křížová',
  'Ondráček',
  'Fojtíková',
  'Chmelařová',
  'Šustek',
  'Orságová',
  'Ševčíková',
  'Žáček',
  'Běhal',
  'Úlehla',
  'Chalupa',
  'Tomšů',
  'Matušů',
  'Juráňová',
];
const TITLES = ['', '', '', 'Mgr.', 'Ing.', 'Bc.', 'PhDr.'];
const TRIAD: TriadRole[] = ['commissioner', 'provider', 'provider', 'user', 'public'];
const ORG_KINDS: OrganizationKind[] = [
  'municipality',
  'provider',
  'provider',
  'ngo',
  'school',
  'other',
];
const ORG_NAMES = [
  'Město',
  'Obec',
  'Charita',
  'Domov pro seniory',
  'Pečovatelská služba',
  'Rodinné centrum',
  'Klub seniorů',
  'Základní škola',
  'Spolek',
  'Sociální služby',
];
const PLACES_OF = [
  'Vizovice',
  'Slušovice',
  'Lutonina',
  'Bratřejov',
  'Jasenná',
  'Zádveřice-Raková',
  'Lípa',
  'Hrobice',
  'Kašava',
  'Veselá',
];
const MEETING_PLACES = [
  'Městský úřad Vizovice, zasedací místnost (1. patro)',
  'Kavárna kulturního domu ve Vizovicích',
  'Městský úřad Slušovice, malá zasedací místnost',
  'Charita Vizovice, Palackého 1',
];
const BODY_DEFS: [string, Body['kind'], string][] = [
  ['ŘS', 'steering', 'Řídící skupina KPSS Vizovicko'],
  ['PS1', 'working', 'Senioři'],
  ['PS2', 'working', 'Osoby se zdravotním postižením'],
  ['PS3', 'working', 'Rodiny s dětmi'],
  ['PS4', 'working', 'Děti a mládež'],
  ['PS5', 'working', 'Osoby ohrožené sociálním vyloučením'],
  ['PS6', 'working', 'Duševní zdraví'],
  ['PS7', 'working', 'Závislosti a prevence'],
  ['PS8', 'working', 'Pečující osoby'],
  ['PS9', 'working', 'Bydlení a bezdomovectví'],
  ['PS10', 'working', 'Zaměstnanost a dluhy'],
  ['RT', 'realization', 'Realizační tým komunitního plánu'],
];
const SENTENCES = [
  'Vedoucí skupiny shrnula stav plnění aktivit komunitního plánu a upozornila na blížící se termín vyhodnocení.',
  'Zástupkyně Charity Vizovice informovala o rostoucím počtu žadatelů o pečovatelskou službu v menších obcích.',
  'Členové diskutovali o dopravě seniorů k lékaři z okolních obcí a o možnosti zavedení služby senior taxi.',
  'Koordinátorka doplnila, že dotazníkové šetření mezi uživateli služeb bude zahájeno v příštím měsíci.',
  'Zástupce obce Lutonina upozornil na nedostatečnou kapacitu odlehčovací služby během letních prázdnin.',
  'Bylo dohodnuto, že podklady k financování budou členům rozeslány nejpozději týden před příštím jednáním.',
  'Diskuse se dále týkala spolupráce s Úřadem práce a sdílení informací o klientech v souladu s GDPR.',
  'Členka skupiny za uživatele služeb ocenila novou internetovou stránku s přehledem sociálních služeb.',
];
const VERBS: ResolutionVerb[] = [
  'approves',
  'takesNote',
  'recommends',
  'instructs',
  'approves',
  'takesNote',
];

/** Realistic Czech minutes text of about `chars` characters (paragraphs of three sentences). */
export function discussionText(rnd: () => number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  let inParagraph = 0;
  while (length < chars) {
    const s = pick(rnd, SENTENCES);
    const sep = out.length === 0 ? '' : inParagraph === 3 ? '\n\n' : ' ';
    if (sep === '\n\n') inParagraph = 0;
    out.push(sep + s);
    length += sep.length + s.length;
    inParagraph++;
  }
  return out.join('').slice(0, chars);
}

/** Nearest Tuesday–Thursday on or after day `day` of the month. */
function midWeek(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  while (d.getUTCDay() < 2 || d.getUTCDay() > 4) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface Region {
  organizations: Organization[];
  people: Person[];
  bodies: Body[];
  memberships: Membership[];
  meetings: Meeting[];
  attendance: Attendance[];
  agendaItems: AgendaItem[];
  resolutions: Resolution[];
  tasks: Task[];
  polls: PollRecord[];
  ballots: BallotRecord[];
  plans: Plan[];
  planItems: PlanItem[];
  monitoring: MonitoringRecord[];
  /** The long meeting: latest meeting of the steering group, 30 items, 40 resolutions, 30 tasks. */
  longMeetingId: string;
  /** The latest meeting of a working group (ordinary size). */
  latestMeetingId: string;
}

export function buildRegion(seed = 2026): Region {
  const rnd = random(seed);
  const newId = idSource();

  const organizations: Organization[] = Array.from({ length: SIZES.organizations }, (_, i) => ({
    id: newId(),
    name: `${ORG_NAMES[i % ORG_NAMES.length]} ${PLACES_OF[Math.floor(i / ORG_NAMES.length) % PLACES_OF.length]}${i >= 40 ? ` ${i}` : ''}`,
    kind: ORG_KINDS[i % ORG_KINDS.length]!,
    ...stamp,
  }));

  const people: Person[] = Array.from({ length: SIZES.people }, (_, i) => {
    const p: Person = {
      id: newId(),
      firstName: pick(rnd, FIRST),
      lastName: pick(rnd, LAST),
      triadRole: TRIAD[i % TRIAD.length]!,
      ...stamp,
    };
    const title = pick(rnd, TITLES);
    if (title) p.title = title;
    if (i % 7 !== 6) p.organizationId = organizations[i % organizations.length]!.id;
    if (i % 4 !== 3) p.email = `osoba.${i}@example.cz`;
    if (i % 3 === 0)
      p.phone = `+420 6${String(10 + (i % 90)).padStart(2, '0')} ${String(100 + i).slice(-3)} ${String(300 + i * 7).slice(-3)}`;
    if (i % 50 === 49) p.archivedAt = NOW;
    return p;
  });

  const bodies: Body[] = [];
  const memberships: Membership[] = [];
  const meetings: Meeting[] = [];
  const attendance: Attendance[] = [];
  const agendaItems: AgendaItem[] = [];
  const resolutions: Resolution[] = [];
  const tasks: Task[] = [];
  const polls: PollRecord[] = [];
  const ballots: BallotRecord[] = [];
  const triadOf = new Map(people.map((p) => [p.id, p.triadRole]));
  let longMeetingId = '';
  let latestMeetingId = '';

  const lastYear = SIZES.firstYear + SIZES.years - 1;
  const months = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]; // no meetings in July and August

  BODY_DEFS.forEach(([code, kind, name], bodyIndex) => {
    const body: Body = { id: newId(), kind, code, name, rules: { ...DEFAULT_RULES }, ...stamp };
    bodies.push(body);

    // 24 seats; about half change hands once during the decade (membership ends, a new one
    // starts). Each body draws its members from 60 consecutive people of the first 360, so most
    // people sit in two bodies; guests come from the last 40.
    const pool = Array.from(
      { length: SIZES.poolSize },
      (_, k) => people[(bodyIndex * 30 + k) % SIZES.poolOf]!,
    );
    const bodyMemberships: Membership[] = [];
    for (let seat = 0; seat < SIZES.seatsPerBody; seat++) {
      const role: MemberRole =
        seat === 0 ? 'chair' : seat === 1 ? 'secretary' : seat === 2 ? 'deputy' : 'member';
      const votingRight = !(role === 'secretary' && kind !== 'steering');
      const first: Membership = {
        id: newId(),
        bodyId: body.id,
        personId: pool[seat * 2]!.id,
        role,
        votingRight,
        from: `${SIZES.firstYear - 1}-09-01`,
        ...stamp,
      };
      if (seat % 5 === 4) first.substituteId = pool[48 + Math.floor(seat / 5)]!.id;
      bodyMemberships.push(first);
      if (seat > 2 && rnd() < 0.5) {
        const year = SIZES.firstYear + 1 + Math.floor(rnd() * (SIZES.years - 2));
        first.to = `${year}-06-30`;
        bodyMemberships.push({
          id: newId(),
          bodyId: body.id,
          personId: pool[seat * 2 + 1]!.id,
          role,
          votingRight,
          from: `${year}-07-01`,
          ...stamp,
        });
      }
    }
    memberships.push(...bodyMemberships);

    let previous: Meeting | undefined;
    for (let year = SIZES.firstYear; year <= lastYear; year++) {
      months.slice(0, SIZES.meetingsPerYear).forEach((month, i) => {
        const seq = i + 1;
        const date = midWeek(year, month, 3 + bodyIndex * 2);
        const isLong = bodyIndex === 0 && year === lastYear && seq === SIZES.meetingsPerYear;
        const active = bodyMemberships.filter((m) => m.from <= date && (!m.to || date <= m.to));
        const chair = active.find((m) => m.role === 'chair')!;
        const secretary = active.find((m) => m.role === 'secretary')!;
        const meeting: Meeting = {
          id: newId(),
          bodyId: body.id,
          year,
          seq,
          date,
          timeFrom: kind === 'steering' ? '13:00' : '09:00',
          timeTo: isLong ? '17:30' : kind === 'steering' ? '15:00' : '11:30',
          place: MEETING_PLACES[(bodyIndex + seq) % MEETING_PLACES.length]!,
          chairId: chair.personId,
          minuteTakerId: secretary.personId,
          verifierId: active[3]!.personId,
          minutesStatus: year === lastYear && seq === SIZES.meetingsPerYear ? 'draft' : 'approved',
          ...stamp,
        };
        if (previous) previous.nextMeetingId = meeting.id;
        meetings.push(meeting);
        if (isLong) longMeetingId = meeting.id;
        if (bodyIndex === 1) latestMeetingId = meeting.id;

        for (const m of active) {
          const r = rnd();
          let status: AttendanceStatus =
            r < 0.72 ? 'present' : r < 0.86 ? 'excused' : r < 0.94 ? 'absent' : 'substituted';
          if (status === 'substituted' && !m.substituteId) status = 'present';
          const a: Attendance = {
            id: newId(),
            meetingId: meeting.id,
            personId: m.personId,
            status,
            ...stamp,
          };
          if (status === 'substituted') a.substituteId = m.substituteId;
          if (status === 'present' || status === 'substituted') a.arrivedAt = meeting.timeFrom;
          attendance.push(a);
        }
        // 0–2 guests (one on average), distinct people from the last 40.
        const guests = rnd() < 0.25 ? 0 : rnd() < 0.67 ? 1 : 2;
        const firstGuest = Math.floor(rnd() * (SIZES.people - SIZES.poolOf));
        for (let g = 0; g < guests; g++)
          attendance.push({
            id: newId(),
            meetingId: meeting.id,
            personId: people[SIZES.poolOf + ((firstGuest + g) % (SIZES.people - SIZES.poolOf))]!.id,
            status: 'guest',
            arrivedAt: meeting.timeFrom,
            ...stamp,
          });

        const nItems = isLong ? SIZES.long.items : SIZES.itemsPerMeeting;
        const items: AgendaItem[] = Array.from({ length: nItems }, (_, k) => ({
          id: newId(),
          meetingId: meeting.id,
          order: k + 1,
          title:
            k === 0
              ? 'Zahájení, schválení programu, volba ověřovatele'
              : k === 1
                ? 'Kontrola úkolů z minulého jednání'
                : `Bod ${k + 1}: ${pick(rnd, SENTENCES).slice(0, 60)}`,
          kind: k === 0 ? 'opening' : k === 1 ? 'review' : k === nItems - 1 ? 'next' : 'regular',
          discussion: discussionText(
            rnd,
            isLong ? SIZES.long.discussionChars : 300 + Math.floor(rnd() * 600),
          ),
          elapsedMs: 600_000,
          plannedMinutes: 10,
          ...stamp,
        }));
        agendaItems.push(...items);

        const nRes = isLong ? SIZES.long.resolutions : SIZES.resolutionsPerMeeting;
        const meetingAttendance = attendance.slice(attendance.length - active.length - guests);
        for (let k = 1; k <= nRes; k++) {
          const item = items[(k - 1) % items.length]!;
          const yes = 6 + Math.floor(rnd() * 6);
          const resolution: Resolution = {
            id: newId(),
            meetingId: meeting.id,
            bodyId: body.id,
            agendaItemId: item.id,
            seq: k,
            number: `${code}/${seq}/${year}/${k}`,
            verb: pick(rnd, VERBS),
            text: pick(rnd, SENTENCES),
            result:
              k % 3 === 0
                ? { kind: 'consensus' }
                : { kind: 'vote', yes, no: Math.floor(rnd() * 2), abstain: Math.floor(rnd() * 2) },
            outcome: 'passed',
            ...stamp,
          };
          // The first resolutions of a meeting were decided by a named roll-call poll.
          if (k <= SIZES.pollsPerMeeting) {
            const voted = rollCallPoll({
              rnd,
              newId,
              meeting,
              body,
              item,
              resolution,
              active,
              attendance: meetingAttendance,
              triadOf,
            });
            polls.push(voted.poll);
            ballots.push(...voted.ballots);
          }
          resolutions.push(resolution);
        }

        // Tasks: older ones are done (reviewed at the next meeting), the last year's still run.
        const nTasks = isLong ? SIZES.long.tasks : SIZES.tasksPerMeeting;
        for (let k = 1; k <= nTasks; k++) {
          const recent = year === lastYear;
          const status: TaskStatus = recent
            ? k % 2
              ? 'open'
              : 'ongoing'
            : rnd() < 0.9
              ? 'done'
              : 'cancelled';
          const owner = active[Math.floor(rnd() * active.length)]!;
          tasks.push({
            id: newId(),
            bodyId: body.id,
            meetingId: meeting.id,
            agendaItemId: items[Math.min(k + 1, items.length - 1)]!.id,
            seq: k,
            number: `U-${seq}/${year}-${k}`,
            text: pick(rnd, SENTENCES),
            ownerId: owner.personId,
            deadline: `${year}-${String(month).padStart(2, '0')}-28`,
            status,
            reviews: recent ? [] : [{ meetingId: meeting.id, status, at: NOW }],
            ...stamp,
          });
        }
        previous = meeting;
      });
    }
  });

  // Tasks are reviewed at the meeting that follows the one that assigned them.
  const nextOf = new Map(meetings.map((m) => [m.id, m.nextMeetingId]));
  for (const t of tasks)
    for (const r of t.reviews) r.meetingId = nextOf.get(t.meetingId) ?? r.meetingId;

  return {
    organizations,
    people,
    bodies,
    memberships,
    meetings,
    attendance,
    agendaItems,
    resolutions,
    tasks,
    polls,
    ballots,
    ...buildPlans({ rnd, newId, organizations, bodies, meetings, stamp }),
    longMeetingId,
    latestMeetingId,
  };
}

export interface RegionDb extends Region {
  db: AppDb;
  /** Milliseconds to generate and write the region (printed once, for the record). */
  buildMs: number;
}

/** A fresh database holding the region (without ballots and plans), written in one transaction without audit entries. */
export async function openRegionDb(seed = 2026): Promise<RegionDb> {
  const started = performance.now();
  const region = buildRegion(seed);
  const db = new AppDb('bench-' + crypto.randomUUID());
  await db.transaction('rw', db.tables, async () => {
    suppressAudit(Dexie.currentTransaction);
    await db.organizations.bulkAdd(region.organizations);
    await db.people.bulkAdd(region.people);
    await db.bodies.bulkAdd(region.bodies);
    await db.memberships.bulkAdd(region.memberships);
    await db.meetings.bulkAdd(region.meetings);
    await db.attendance.bulkAdd(region.attendance);
    await db.agendaItems.bulkAdd(region.agendaItems);
    await db.resolutions.bulkAdd(region.resolutions);
    await db.tasks.bulkAdd(region.tasks);
    await db.polls.bulkAdd(region.polls);
    // Ballots and plans are left out: no Node bench reads them, and 43k ballots would double
    // the time fake-indexeddb needs to write the region (the Chromium suites restore them all).
  });
  return { ...region, db, buildMs: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// Minutes view models (MinutesDoc) for the DOCX benchmark, built directly like
// tests/integration/helpers/docxFixtures.ts: no database, no i18n.

const attendee = (i: number): AttendeeRow => ({
  name: `${TITLES[i % TITLES.length] ? `${TITLES[i % TITLES.length]} ` : ''}${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
  organization: `${ORG_NAMES[i % ORG_NAMES.length]} ${PLACES_OF[i % PLACES_OF.length]}`,
  triadRole: TRIAD[i % TRIAD.length]!,
  ...(i === 0
    ? { memberRole: 'chair' as const }
    : i === 1
      ? { memberRole: 'deputy' as const }
      : {}),
});

function minutes(opts: {
  items: number;
  discussionChars: number;
  resolutions: number;
  tasks: number;
  present: number;
}): MinutesDoc {
  const rnd = random(7);
  const agenda: AgendaItemView[] = Array.from({ length: opts.items }, (_, k) => ({
    order: k + 1,
    title:
      k === 0
        ? 'Zahájení, schválení programu, volba ověřovatele'
        : `Bod ${k + 1}: ${pick(rnd, SENTENCES).slice(0, 70)}`,
    presenter: attendee(k % opts.present).name,
    discussion: discussionText(rnd, opts.discussionChars),
    resolutions: [],
  }));
  for (let k = 1; k <= opts.resolutions; k++) {
    const r: ResolutionView = {
      number: `ŘS/10/2025/${k}`,
      verb: pick(rnd, ['schvaluje', 'bere na vědomí', 'doporučuje', 'ukládá']),
      text: pick(rnd, SENTENCES),
      outcome: k % 9 === 0 ? 'rejected' : 'passed',
      ...(k % 3 === 0
        ? { consensus: true }
        : {
            vote: { yes: 20 + (k % 10), no: k % 3, abstain: k % 2 },
            ruleText: 'Rozhoduje prostá většina přítomných členů s hlasem (potřeba 21).',
          }),
    };
    agenda[(k - 1) % agenda.length]!.resolutions.push(r);
  }
  const tasks: TaskView[] = Array.from({ length: opts.tasks }, (_, k) => ({
    number: `U-10/2025-${k + 1}`,
    text: pick(rnd, SENTENCES),
    owner: attendee(k % opts.present).name,
    deadline: '2026-01-31',
  }));
  return {
    lang: 'cs',
    project,
    header: {
      ...header,
      bodyName: 'Řídící skupina KPSS Vizovicko',
      bodyCode: 'ŘS',
      bodyKind: 'steering',
      meetingNumber: '10/2025',
      date: '2025-12-10',
      timeFrom: '13:00',
      timeTo: '17:30',
    },
    attendance: {
      present: Array.from({ length: opts.present }, (_, i) => attendee(i)),
      excused: [attendee(41), attendee(42)],
      absent: [attendee(43)],
      guests: [attendee(44)],
      votingMembers: opts.present + 3,
      required: Math.floor((opts.present + 3) / 2) + 1,
    },
    agenda,
    tasks,
    reviewedTasks: tasks.slice(0, Math.min(10, tasks.length)).map((t) => ({
      ...t,
      number: t.number.replace('10/2025', '9/2025'),
      status: 'done' as const,
      comment: 'Splněno.',
    })),
    nextMeeting: {
      date: '2026-01-21',
      timeFrom: '13:00',
      place: 'Městský úřad Vizovice, zasedací místnost (1. patro)',
    },
    attachments: ['Výsledky bodování priorit'],
    writtenOn: '2025-12-11',
    minutesStatus: 'draft',
  };
}

/** A long meeting: 30 items with 2 000-character discussions, 40 resolutions, 30 tasks, 40 present. */
export const longMinutes = (): MinutesDoc =>
  minutes({ items: 30, discussionChars: 2000, resolutions: 40, tasks: 30, present: 40 });

/** The baseline: same header and project block (with the logo), one item, one resolution, one task. */
export const oneItemMinutes = (): MinutesDoc =>
  minutes({ items: 1, discussionChars: 300, resolutions: 1, tasks: 1, present: 10 });
