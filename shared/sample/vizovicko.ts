import type { Attendance, AttendanceStatus } from '../domain/attendance';
import type { Body, Membership, MemberRole } from '../domain/body';
import type { Meeting } from '../domain/meeting';
import type { Organization, OrganizationKind } from '../domain/organization';
import type { Person } from '../domain/person';
import { DEFAULT_RULES } from '../domain/rules';
import type { TriadRole } from '../domain/triad';
import { addDays } from '../domain/leadTime';

// A fictional but realistic ORP (modelled on Vizovicko, DOMAIN.md §2.3, §4.2) so a newcomer
// sees the app working in one click. Deterministic for a given `today` and id source.

export interface SampleRegion {
  organizations: Organization[];
  people: Person[];
  bodies: Body[];
  memberships: Membership[];
  meetings: Meeting[];
  attendance: Attendance[];
}

/** Seven digits → a valid IČO by appending the mod-11 check digit. */
function ico(seven: string): string {
  const sum = [...seven].reduce((acc, d, i) => acc + Number(d) * (8 - i), 0);
  return seven + String((11 - (sum % 11)) % 10);
}

const ORGS: [string, OrganizationKind, string][] = [
  ['Město Vizovice', 'municipality', '0028425'],
  ['Město Slušovice', 'municipality', '0028408'],
  ['Obec Lutonina', 'municipality', '0056844'],
  ['Obec Bratřejov', 'municipality', '0028356'],
  ['Obec Jasenná', 'municipality', '0028381'],
  ['Obec Zádveřice-Raková', 'municipality', '0028440'],
  ['Zlínský kraj', 'region', '7089130'],
  ['Úřad práce ČR, kontaktní pracoviště Vizovice', 'other', '7294348'],
  ['Charita Vizovice', 'provider', '4465958'],
  ['Domov pro seniory Vizovice, p. o.', 'provider', '7083281'],
  ['Pečovatelská služba Slušovice', 'provider', '7521541'],
  ['Diakonie ČCE – středisko Vsetín', 'provider', '4570173'],
  ['Azylový dům pro ženy a matky s dětmi Zlín', 'provider', '2664823'],
  ['Centrum pro zdravotně postižené Zlínského kraje', 'provider', '7058712'],
  ['Sociální služby pro osoby se zdravotním postižením, p. o.', 'provider', '7089132'],
  ['Linka důvěry Zlín', 'provider', '6647223'],
  ['Rodinné centrum Vizovické Beruška, z. s.', 'ngo', '2267442'],
  ['NZDM Klubko Slušovice', 'ngo', '2654112'],
  ['Spolek rodičů a přátel ZŠ Vizovice', 'ngo', '6957721'],
  ['Klub seniorů Vizovice', 'ngo', '2697613'],
  ['Svaz tělesně postižených, místní organizace Vizovice', 'ngo', '6547821'],
  ['Základní škola Vizovice', 'school', '6082318'],
  ['Základní škola a mateřská škola Slušovice', 'school', '7085442'],
  ['MAS Vizovicko a Slušovicko, z. s.', 'ngo', '2719511'],
  ['Městská policie Vizovice', 'other', '0028425'],
];

// [title, first, last, org index (-1 none), triad role]
const PEOPLE: [string, string, string, number, TriadRole][] = [
  ['Ing.', 'Karel', 'Svoboda', 0, 'commissioner'],
  ['Mgr.', 'Jana', 'Nováková', 8, 'provider'],
  ['', 'Petra', 'Dvořáková', 23, 'commissioner'],
  ['Bc.', 'Eva', 'Černá', 6, 'commissioner'],
  ['', 'Marie', 'Horáková', 8, 'provider'],
  ['', 'Josef', 'Kučera', 2, 'commissioner'],
  ['', 'Pavel', 'Malý', -1, 'user'],
  ['Mgr.', 'Lucie', 'Šimková', 9, 'provider'],
  ['PhDr.', 'Roman', 'Bartoš', 9, 'provider'],
  ['', 'Šárka', 'Řeháková', 19, 'user'],
  ['Ing.', 'Tomáš', 'Zedník', 1, 'commissioner'],
  ['', 'Hana', 'Vlčková', 10, 'provider'],
  ['Mgr.', 'Zdeněk', 'Čech', 11, 'provider'],
  ['', 'Věra', 'Pospíšilová', 20, 'user'],
  ['', 'Jiří', 'Hájek', -1, 'public'],
  ['Bc.', 'Kateřina', 'Machalová', 13, 'provider'],
  ['', 'Ludmila', 'Křížová', 19, 'user'],
  ['Ing.', 'Martin', 'Ondráček', 3, 'commissioner'],
  ['Mgr.', 'Alena', 'Fojtíková', 16, 'provider'],
  ['', 'Michaela', 'Kovářová', 18, 'user'],
  ['Mgr.', 'Ondřej', 'Mikeska', 17, 'provider'],
  ['', 'Barbora', 'Zálešáková', 12, 'provider'],
  ['Bc.', 'David', 'Jurčík', 7, 'commissioner'],
  ['Mgr.', 'Ivana', 'Slováková', 21, 'provider'],
  ['', 'Radka', 'Bednaříková', -1, 'user'],
  ['', 'Tereza', 'Vaculíková', 16, 'user'],
  ['Ing.', 'Petr', 'Gajdošík', 4, 'commissioner'],
  ['', 'Lenka', 'Chmelařová', 22, 'provider'],
  ['PaedDr.', 'Miroslav', 'Šustek', 21, 'provider'],
  ['', 'Dana', 'Orságová', -1, 'public'],
  ['Mgr.', 'Veronika', 'Navrátilová', 12, 'provider'],
  ['', 'Stanislav', 'Běhal', 24, 'commissioner'],
  ['Bc.', 'Simona', 'Pavelková', 15, 'provider'],
  ['', 'Jaroslav', 'Vrba', -1, 'user'],
  ['Mgr.', 'Renata', 'Ševčíková', 7, 'commissioner'],
  ['', 'Kamil', 'Holub', 11, 'provider'],
  ['Ing.', 'Zuzana', 'Matušů', 5, 'commissioner'],
  ['', 'Anna', 'Tomšů', -1, 'user'],
  ['Mgr.', 'Filip', 'Dohnal', 14, 'provider'],
  ['', 'Olga', 'Juráňová', 20, 'user'],
  ['', 'Milan', 'Fusek', 0, 'commissioner'],
  ['Bc.', 'Irena', 'Zlámalová', 10, 'provider'],
  ['', 'Vladimír', 'Trčka', -1, 'public'],
  ['Mgr.', 'Gabriela', 'Uhlířová', 14, 'provider'],
  ['', 'Nikola', 'Pešková', 18, 'user'],
];

// [code, kind, name, target group, member indexes (first = chair, second = secretary), substitute pairs [member, substitute]]
const BODIES: [string, Body['kind'], string, string | undefined, number[], [number, number][]][] = [
  [
    'ŘS',
    'steering',
    'Řídící skupina KPSS Vizovicko',
    undefined,
    [0, 2, 3, 1, 10, 8, 12, 9, 17, 22, 15, 13],
    [[8, 7]],
  ],
  [
    'PS1',
    'working',
    'Senioři a osoby se zdravotním postižením',
    'senioři; osoby se zdravotním postižením',
    [1, 2, 4, 5, 6, 7, 9, 11, 13, 15, 16, 26, 31, 38, 39],
    [[7, 8]],
  ],
  [
    'PS2',
    'working',
    'Rodiny s dětmi',
    'rodiny s dětmi',
    [18, 2, 19, 20, 23, 25, 27, 28, 36, 41, 44, 34],
    [],
  ],
  [
    'PS3',
    'working',
    'Osoby ohrožené sociálním vyloučením',
    'osoby ohrožené sociálním vyloučením',
    [21, 2, 12, 24, 30, 32, 33, 35, 40, 37, 43, 29],
    [[43, 38]],
  ],
];

const PLACES = [
  'Městský úřad Vizovice, zasedací místnost (1. patro)',
  'Kavárna kulturního domu ve Vizovicích',
  'Městský úřad Slušovice, malá zasedací místnost',
  'Charita Vizovice, Palackého 1',
];

/** A small deterministic PRNG (mulberry32): the same region every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest Tuesday–Thursday on or after the day: groups meet mid-week. */
function midWeek(day: string): string {
  let d = day;
  for (;;) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd >= 2 && wd <= 4) return d;
    d = addDays(d, 1);
  }
}

export function buildSampleRegion(today: string, newId: () => string, now: string): SampleRegion {
  const rnd = random(2026);
  const stamp = { createdAt: now, updatedAt: now };
  const organizations: Organization[] = ORGS.map(([name, kind, seven], i) => {
    const org: Organization = { id: newId(), name, kind, ...stamp };
    if (i !== 24) org.ico = ico(seven); // the town police is part of the town: no IČO of its own
    return org;
  });
  const people: Person[] = PEOPLE.map(([title, firstName, lastName, orgIndex, triadRole], i) => {
    const p: Person = { id: newId(), firstName, lastName, triadRole, ...stamp };
    if (title) p.title = title;
    if (orgIndex >= 0) p.organizationId = organizations[orgIndex]!.id;
    const ascii = `${firstName}.${lastName}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (i % 4 !== 3) p.email = `${ascii}@example.cz`;
    if (i % 3 === 0)
      p.phone = `+420 6${String(10 + i).padStart(2, '0')} ${String(100 + i * 7).slice(-3)} ${String(300 + i * 11).slice(-3)}`;
    return p;
  });

  const yearAgo = addDays(today, -365);
  const bodies: Body[] = [];
  const memberships: Membership[] = [];
  const meetings: Meeting[] = [];
  const attendance: Attendance[] = [];

  BODIES.forEach(([code, kind, name, targetGroup, members, substitutes], bodyIndex) => {
    const rules = {
      ...DEFAULT_RULES,
      leadTime:
        kind === 'steering' ? { days: 5, unit: 'working' as const } : DEFAULT_RULES.leadTime,
    };
    const body: Body = { id: newId(), kind, code, name, rules, ...stamp };
    if (targetGroup) body.targetGroup = targetGroup;
    bodies.push(body);
    const memberRows = members.map((personIndex, i) => {
      const role: MemberRole =
        i === 0
          ? 'chair'
          : i === 1
            ? 'secretary'
            : i === 2 && kind !== 'steering'
              ? 'deputy'
              : 'member';
      const m: Membership = {
        id: newId(),
        bodyId: body.id,
        personId: people[personIndex]!.id,
        role,
        // the coordinator keeps the minutes of every group but votes only in the steering group
        votingRight: !(role === 'secretary' && kind !== 'steering'),
        from: addDays(yearAgo, -200),
        ...stamp,
      };
      const sub = substitutes.find(([member]) => member === personIndex);
      if (sub) m.substituteId = people[sub[1]]!.id;
      memberships.push(m);
      return m;
    });

    // A year of meetings: the steering group every two months, working groups quarterly, plus one upcoming.
    const interval = kind === 'steering' ? 61 : 91;
    let seqByYear = new Map<number, number>();
    for (
      let day = addDays(yearAgo, 10 + bodyIndex * 6);
      day < addDays(today, 40);
      day = addDays(day, interval)
    ) {
      const date = midWeek(day);
      const year = Number(date.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear = seqByYear.set(year, seq);
      const meeting: Meeting = {
        id: newId(),
        bodyId: body.id,
        year,
        seq,
        date,
        timeFrom: kind === 'steering' ? '13:00' : '09:00',
        timeTo: kind === 'steering' ? '15:00' : '11:30',
        place: PLACES[(bodyIndex + seq) % PLACES.length]!,
        chairId: memberRows[0]!.personId,
        minuteTakerId: memberRows[1]!.personId,
        verifierId: memberRows[3]!.personId,
        ...stamp,
      };
      meetings.push(meeting);
      if (date >= today) continue;
      for (const m of memberRows) {
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
      if (rnd() < 0.5) {
        const guest = people[[14, 29, 42][seq % 3]!]!;
        if (!memberRows.some((m) => m.personId === guest.id)) {
          attendance.push({
            id: newId(),
            meetingId: meeting.id,
            personId: guest.id,
            status: 'guest',
            arrivedAt: meeting.timeFrom,
            ...stamp,
          });
        }
      }
    }
  });

  // Pavel Malý keeps missing PS1: the absence rule should warn about him.
  const ps1 = bodies[1]!;
  const malý = people[6]!.id;
  const ps1Past = meetings
    .filter((m) => m.bodyId === ps1.id && m.date < today)
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 3);
  for (const m of ps1Past) {
    const a = attendance.find((x) => x.meetingId === m.id && x.personId === malý);
    if (a) {
      a.status = 'absent';
      delete a.arrivedAt;
      delete a.substituteId;
    }
  }
  return { organizations, people, bodies, memberships, meetings, attendance };
}
