// Realistic view models for the DOCX builders: a Vizovice-like working group
// "PS1 Senioři a osoby se zdravotním postižením" (DOMAIN.md §4.2).
import { deflateSync } from 'node:zlib';
import type {
  AttendanceSheetDoc,
  AttendeeRow,
  InvitationDoc,
  MeetingHeader,
  MinutesDoc,
  ProjectBlock,
} from '../../../shared/docx';

// ---------------------------------------------------------------------------------------------
// A small generated PNG "logolink" (EU blue band with a yellow square), so the header image path
// is exercised without binary fixtures in the repository.

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function makeLogoPng(width = 480, height = 80): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      const inFlag = x < height * 1.5;
      const star =
        inFlag &&
        Math.abs(x - height * 0.75) < height * 0.18 &&
        Math.abs(y - height / 2) < height * 0.18;
      const [r, g, b] = star
        ? [255, 204, 0]
        : inFlag
          ? [0, 51, 153]
          : x < height * 1.5 + 6
            ? [255, 255, 255]
            : [230, 235, 241];
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const sig = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const png = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    png.set(p, off);
    off += p.length;
  }
  return png;
}

// ---------------------------------------------------------------------------------------------

export const project: ProjectBlock = {
  recipient: 'MAS Vizovicko a Slušovicko, z. s.',
  projectName: 'Podpora procesu komunitního plánování sociálních služeb na Vizovicku a Slušovicku',
  registrationNumber: 'CZ.03.2.63/0.0/0.0/19_106/0015192',
  funderLine:
    'Projekt je spolufinancován Evropskou unií z Evropského sociálního fondu v rámci Operačního programu Zaměstnanost.',
  logo: {
    bytes: makeLogoPng(),
    type: 'png',
    widthPx: 480,
    heightPx: 80,
    altText: 'Logo EU – Evropský sociální fond',
  },
};

export const header: MeetingHeader = {
  organizationName: 'Město Vizovice',
  bodyName: 'Senioři a osoby se zdravotním postižením',
  bodyCode: 'PS1',
  bodyKind: 'working',
  meetingNumber: '3/2026',
  date: '2026-04-16',
  timeFrom: '09:00',
  timeTo: '11:30',
  place: 'Městský úřad Vizovice, Masarykovo nám. 1007, zasedací místnost (1. patro)',
  chair: 'Mgr. Jana Nováková',
  minuteTaker: 'Petra Dvořáková',
  genders: { chair: 'f', minuteTaker: 'f', verifier: 'm' },
  verifier: 'Ing. Karel Svoboda',
};

export const present: AttendeeRow[] = [
  {
    name: 'Mgr. Jana Nováková',
    organization: 'Charita Vizovice',
    triadRole: 'provider',
    memberRole: 'chair',
  },
  {
    name: 'Ing. Karel Svoboda',
    organization: 'Město Vizovice, odbor sociálních věcí',
    triadRole: 'commissioner',
    memberRole: 'deputy',
  },
  {
    name: 'Mgr. Tomáš Kratochvíl',
    organization: 'Obec Zádveřice-Raková',
    triadRole: 'commissioner',
  },
  { name: 'Ing. Marie Pospíšilová', organization: 'Město Slušovice', triadRole: 'commissioner' },
  { name: 'Šárka Řeháková', organization: 'Pečovatelská služba Vizovice', triadRole: 'provider' },
  { name: 'Bc. Zdeněk Kolář', organization: 'Domov pro seniory Lukov', triadRole: 'provider' },
  {
    name: 'Lucie Šimková',
    organization: 'Domov pro seniory Vizovice',
    triadRole: 'provider',
    substituteFor: 'PhDr. Roman Bartoš',
  },
  {
    name: 'Mgr. Pavla Kučerová',
    organization: 'Sociálně terapeutická dílna Klubíčko',
    triadRole: 'provider',
  },
  { name: 'Jiří Dvořák', organization: 'Klub seniorů Vizovice', triadRole: 'user' },
  {
    name: 'Anna Malinová',
    organization: 'Svaz tělesně postižených, místní organizace',
    triadRole: 'user',
  },
  { name: 'Václav Růžička', organization: 'pečující osoba', triadRole: 'user' },
];

const minutesBase: Omit<
  MinutesDoc,
  'lang' | 'agenda' | 'tasks' | 'reviewedTasks' | 'attachments' | 'nextMeeting'
> = {
  project,
  header,
  attendance: {
    present,
    excused: [
      {
        name: 'M. Horáková',
        organization: 'Centrum pro zdravotně postižené Zlínského kraje',
        triadRole: 'provider',
      },
      { name: 'J. Kučera', organization: 'Obec Lutonina', triadRole: 'commissioner' },
    ],
    absent: [{ name: 'P. Malý', organization: 'Klub seniorů Slušovice', triadRole: 'user' }],
    guests: [
      {
        name: 'Bc. Eva Černá',
        organization: 'Krajský úřad Zlínského kraje, odbor sociálních věcí',
        triadRole: 'commissioner',
      },
    ],
    votingMembers: 15,
    required: 8,
  },
  writtenOn: '2026-04-17',
  verifiedOn: '2026-04-20',
  distributedOn: '2026-04-20',
  commentsBy: '2026-04-27',
  minutesStatus: 'verified',
};

export const minutesCs: MinutesDoc = {
  ...minutesBase,
  lang: 'cs',
  agenda: [
    {
      order: 1,
      title: 'Zahájení, schválení programu, volba ověřovatele',
      presenter: 'Mgr. Jana Nováková',
      discussion:
        'Vedoucí PS zahájila jednání v 9:05, přivítala přítomné i hosta z Krajského úřadu Zlínského kraje a konstatovala, že skupina je usnášeníschopná.\n\n' +
        'Navržený program byl rozeslán s pozvánkou; k programu nebyly vzneseny připomínky.',
      resolutions: [
        {
          number: 'PS1/3/2026/1',
          verb: 'schvaluje',
          text: 'program jednání v rozeslaném znění a ověřovatelem zápisu volí Ing. Karla Svobodu.',
          outcome: 'passed',
          vote: { yes: 11, no: 0, abstain: 0 },
          ruleText: 'Rozhoduje prostá většina přítomných členů s hlasem (potřeba 6).',
        },
      ],
    },
    {
      order: 2,
      title: 'Kontrola zápisu a úkolů z jednání 2/2026',
      discussion:
        'Zápis z jednání 2/2026 byl ověřen bez připomínek. Stav úkolů viz tabulka „Kontrola úkolů z minulého jednání“.',
      resolutions: [],
    },
    {
      order: 3,
      title: 'Vyhodnocení plnění aktivit KP 2023–2025 pro cílovou skupinu senioři a OZP',
      presenter: 'Petra Dvořáková',
      discussion:
        'Petra Dvořáková představila pracovní verzi vyhodnocení. Aktivita 1.2.1 „Rozšíření pečovatelské služby o víkendy“ je splněna částečně – víkendový provoz funguje zatím jen ve Vizovicích.\n\n' +
        'Š. Řeháková doplnila, že v roce 2025 pečovatelská služba odmítla 14 žadatelů z kapacitních důvodů; data dodá do tabulky.\n' +
        'J. Dvořák upozornil na nedostatečnou dopravu seniorů k lékaři z okolních obcí.',
      resolutions: [
        {
          number: 'PS1/3/2026/2',
          verb: 'bere na vědomí',
          text: 'pracovní verzi vyhodnocení KP pro cílovou skupinu senioři a OZP a předává ji řídící skupině k připomínkám.',
          outcome: 'passed',
          consensus: true,
        },
      ],
    },
    {
      order: 4,
      title: 'Výběr priorit pro nový komunitní plán – hlasování',
      presenter: 'Mgr. Jana Nováková',
      discussion:
        'Členové bodovali návrhy priorit shromážděné na jednání 2/2026 a v dotazníkovém šetření. Výsledky bodování jsou přílohou č. 2.',
      resolutions: [
        {
          number: 'PS1/3/2026/3',
          verb: 'doporučuje',
          text: 'řídící skupině zařadit do návrhu komunitního plánu 2027–2029 priority v pořadí podle výsledku bodování.',
          outcome: 'passed',
          vote: { yes: 10, no: 0, abstain: 1 },
          ruleText: 'Rozhoduje prostá většina přítomných členů s hlasem (potřeba 6).',
          pollSummary: {
            method: 'bodování (každý člen 5 bodů, nejvýše 2 na jednu položku)',
            ranked: [
              { rank: 1, label: 'Odlehčovací služba', points: 31 },
              { rank: 2, label: 'Rozšíření pečovatelské služby o víkendy', points: 24 },
              { rank: 3, label: 'Sociální poradenství v menších obcích', points: 17 },
              { rank: 4, label: 'Doprava seniorů k lékaři (senior taxi)', points: 9 },
            ],
          },
        },
      ],
    },
    {
      order: 5,
      title: 'Informace z řídící skupiny a ze Zlínského kraje (akční plán 2027)',
      presenter: 'Bc. Eva Černá',
      discussion:
        'Bc. E. Černá informovala o přípravě akčního plánu rozvoje sociálních služeb Zlínského kraje na rok 2027 a o termínech pro podávání připomínek.\n\n' +
        'V 10:50 odešli z jednání Mgr. T. Kratochvíl a A. Malinová; přítomno 9 členů s hlasem, skupina zůstává usnášeníschopná.',
      resolutions: [
        {
          number: 'PS1/3/2026/4',
          verb: 'souhlasí',
          text: 's připomínkami k návrhu akčního plánu Zlínského kraje na rok 2027 uvedenými v příloze č. 4.',
          outcome: 'passed',
          vote: { yes: 7, no: 1, abstain: 1 },
          ruleText: 'Rozhoduje prostá většina přítomných členů s hlasem (přítomno 9, potřeba 5).',
          // A named vote (roll call): who voted how.
          byName: [
            {
              choice: 'pro',
              names: [
                'Bc. Eva Černá',
                'Marie Horáková',
                'Josef Kučera',
                'Mgr. Jana Nováková',
                'Šárka Řeháková',
                'Václav Růžička',
                'Ing. Karel Svoboda',
              ],
            },
            { choice: 'proti', names: ['Pavel Malý'] },
            { choice: 'zdrželi se', names: ['Hana Vlčková'] },
          ],
        },
      ],
    },
    {
      order: 6,
      title: 'Různé, termín příštího jednání',
      discussion:
        'Návrh pořádat příští jednání v Domově pro seniory Lukov nezískal podporu; jednání se uskuteční opět na MěÚ Vizovice.',
      resolutions: [
        {
          number: 'PS1/3/2026/5',
          verb: 'schvaluje',
          text: 'konání příštího jednání v Domově pro seniory Lukov.',
          outcome: 'rejected',
          vote: { yes: 3, no: 5, abstain: 1 },
        },
      ],
    },
  ],
  tasks: [
    {
      number: 'U-3/2026-1',
      text: 'Doplnit tabulku vyhodnocení KP o finanční údaje a data o odmítnutých žadatelích',
      owner: 'Petra Dvořáková',
      deadline: '2026-04-24',
    },
    {
      number: 'U-3/2026-2',
      text: 'Zaslat členům PS návrh dotazníku pro seniory k připomínkám',
      owner: 'Mgr. Jana Nováková',
      deadline: '2026-04-30',
    },
  ],
  reviewedTasks: [
    {
      number: 'U-2/2026-1',
      text: 'Zaslat data o kapacitě pečovatelské služby',
      owner: 'Šárka Řeháková',
      deadline: '2026-03-31',
      status: 'done',
      comment: 'Data zaslána 28. 3. 2026.',
    },
    {
      number: 'U-2/2026-2',
      text: 'Oslovit obce mikroregionu k distribuci dotazníku',
      owner: 'Ing. Karel Svoboda',
      deadline: '2026-04-10',
      status: 'ongoing',
      comment: 'Osloveno 9 z 12 obcí; nový termín 30. 4. 2026.',
    },
  ],
  nextMeeting: {
    date: '2026-05-21',
    timeFrom: '09:00',
    place: 'Městský úřad Vizovice, zasedací místnost (1. patro)',
  },
  attachments: [
    'Výsledky bodování priorit',
    'Prezentace KÚ ZK – akční plán 2027',
    'Připomínky PS1 k akčnímu plánu Zlínského kraje',
  ],
};

export const minutesEn: MinutesDoc = {
  ...minutesCs,
  lang: 'en',
  header: {
    ...header,
    bodyName: 'Seniors and people with disabilities',
    organizationName: 'Town of Vizovice',
    place: 'Vizovice Town Hall, meeting room (1st floor)',
  },
  project: {
    ...project,
    funderLine: 'The project is co-funded by the European Union from the European Social Fund.',
  },
  agenda: minutesCs.agenda.map((a) => ({
    ...a,
    discussion: undefined,
    resolutions: a.resolutions.map((r) => ({
      ...r,
      verb:
        r.verb === 'schvaluje'
          ? 'approves'
          : r.verb === 'bere na vědomí'
            ? 'takes note of'
            : r.verb === 'doporučuje'
              ? 'recommends'
              : 'agrees',
      ruleText: r.ruleText ? 'Simple majority of voting members present.' : undefined,
      byName: r.byName?.map((g) => ({
        ...g,
        choice: g.choice === 'pro' ? 'for' : g.choice === 'proti' ? 'against' : 'abstained',
      })),
      pollSummary: r.pollSummary
        ? { ...r.pollSummary, method: 'points (5 per member, at most 2 per item)' }
        : undefined,
    })),
  })),
  attachments: ['Poll results'],
};

export const attendanceSheetCs: AttendanceSheetDoc = {
  lang: 'cs',
  project,
  header,
  members: [
    ...present.filter((p) => p.name !== 'Lucie Šimková'),
    {
      name: 'Mgr. Marta Horáková',
      organization: 'Centrum pro zdravotně postižené Zlínského kraje',
      triadRole: 'provider',
    },
    { name: 'Josef Kučera', organization: 'Obec Lutonina', triadRole: 'commissioner' },
    { name: 'Pavel Malý', organization: 'Klub seniorů Slušovice', triadRole: 'user' },
    {
      name: 'Mgr. Radek Bartoš',
      organization: 'Domov pro seniory Vizovice',
      triadRole: 'provider',
    },
    { name: 'Ludmila Žáčková', triadRole: 'public' },
  ],
  guests: [
    {
      name: 'Bc. Eva Černá',
      organization: 'Krajský úřad Zlínského kraje',
      triadRole: 'commissioner',
    },
  ],
  blankGuestRows: 5,
};

export const invitationCs: InvitationDoc = {
  lang: 'cs',
  project,
  header,
  agenda: [
    {
      order: 1,
      title: 'Zahájení, schválení programu, volba ověřovatele',
      presenter: 'Mgr. Jana Nováková',
    },
    { order: 2, title: 'Kontrola zápisu a úkolů z jednání 2/2026', presenter: 'Petra Dvořáková' },
    {
      order: 3,
      title: 'Vyhodnocení plnění aktivit KP 2023–2025 pro cílovou skupinu senioři a OZP',
      presenter: 'Petra Dvořáková',
    },
    { order: 4, title: 'Výběr priorit pro nový komunitní plán – hlasování' },
    {
      order: 5,
      title: 'Informace z řídící skupiny a ze Zlínského kraje (akční plán 2027)',
      presenter: 'Bc. Eva Černá',
    },
    { order: 6, title: 'Různé, termín příštího jednání' },
  ],
  materials: [
    'Zápis z jednání 2/2026',
    'Pracovní verze vyhodnocení KP 2023–2025 (senioři a OZP)',
    'Přehled navržených priorit k bodování',
  ],
  excuseBy: '2026-04-13',
  contact: 'Petra Dvořáková, tel. 577 599 111, e-mail dvorakova@vizovice.cz',
  invitedBy: 'Mgr. Jana Nováková',
  invitedByRole: 'vedoucí pracovní skupiny PS1',
  sentOn: '2026-04-02',
};
