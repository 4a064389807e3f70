import type { AgendaKind } from '../domain/agenda';
import type { ResolutionVerb } from '../domain/resolution';

// The script of three PS1 meetings of the sample region, as a facilitator would run them in
// the room (DOMAIN.md §4.2): the one before, a rich past meeting with everything real minutes
// have, and its draft successor. renderer/src/db/sample/sampleMeeting.ts plays it through the real
// repository functions, so numbers, decisions and poll results are the app's own.
// People are indexes into PEOPLE of vizovicko.ts.

export const PERSON = {
  novakova: 1,
  dvorakova: 2,
  cerna: 3,
  horakova: 4,
  kucera: 5,
  maly: 6,
  simkova: 7,
  bartos: 8,
  rehakova: 9,
  svoboda: 0,
  vlckova: 11,
  pospisilova: 13,
  hajek: 14,
  machalova: 15,
  krizova: 16,
  gajdosik: 26,
  behal: 31,
  dohnal: 38,
  juranova: 39,
} as const;

export interface ScriptItem {
  title: string;
  kind: AgendaKind;
  presenter?: string;
  discussion?: string;
}

/** The meeting before: two tasks to review later, tacitly approved minutes. */
export const PREVIOUS = {
  items: [
    { title: 'Zahájení, schválení programu, volba ověřovatele', kind: 'opening' },
    {
      title: 'Příprava dotazníku pro seniory a pečující',
      kind: 'regular',
      presenter: 'Petra Dvořáková',
      discussion:
        'Členové prošli návrh dotazníku. Doplní se otázka na dostupnost odlehčovací služby a na dopravu k lékaři.',
    },
    { title: 'Různé', kind: 'other' },
    { title: 'Termín příštího jednání', kind: 'next' },
  ] satisfies ScriptItem[],
  tasks: [
    {
      text: 'Zaslat data o kapacitě pečovatelské služby za rok',
      owner: PERSON.vlckova,
      deadlineDays: 30,
    },
    {
      text: 'Oslovit obce mikroregionu k distribuci dotazníku',
      owner: PERSON.horakova,
      deadlineDays: 45,
    },
  ],
};

export const RICH = {
  startedAt: '09:05',
  endedAt: '11:20',
  /** Arrives late, after the programme was approved. */
  lateArrival: { person: PERSON.krizova, at: '09:20' },
  /** Leaves before the last vote. */
  earlyLeaver: { person: PERSON.gajdosik, at: '10:50' },
  present: [
    PERSON.novakova,
    PERSON.dvorakova,
    PERSON.horakova,
    PERSON.rehakova,
    PERSON.vlckova,
    PERSON.pospisilova,
    PERSON.machalova,
    PERSON.gajdosik,
    PERSON.dohnal,
  ],
  substituted: { member: PERSON.simkova, by: PERSON.bartos },
  excused: [PERSON.kucera, PERSON.juranova],
  absent: [PERSON.maly, PERSON.behal],
  guests: [PERSON.cerna, PERSON.hajek],
  items: [
    {
      title: 'Zahájení, schválení programu, volba ověřovatele',
      kind: 'opening',
      presenter: 'Mgr. Jana Nováková',
      discussion:
        'Vedoucí skupiny přivítala přítomné a hosty. Program byl rozeslán s pozvánkou, nikdo nenavrhl změnu.',
    },
    {
      title: 'Kontrola zápisu a plnění úkolů z minulého jednání',
      kind: 'review',
      discussion: 'K zápisu z minulého jednání nebyly vzneseny připomínky.',
    },
    {
      title: 'Vyhodnocení plnění aktivit KP pro cílovou skupinu senioři a OZP',
      kind: 'regular',
      presenter: 'Petra Dvořáková',
      discussion:
        'Koordinátorka představila pracovní verzi vyhodnocení. Pečovatelská služba o víkendech funguje jen ve Vizovicích; ' +
        'v Slušovicích chybí pracovníci.\n\nBc. Eva Černá (Krajský úřad) upozornila na termín pro podklady k akčnímu plánu kraje.',
    },
    {
      title: 'Výběr priorit pro akční plán – hlasování',
      kind: 'regular',
      presenter: 'Mgr. Jana Nováková',
      discussion:
        'Členové rozdělovali body mezi pět navržených priorit (každý 3 body, nejvýše 2 na jednu položku). Výsledky viz příloha.',
    },
    {
      title: 'Návrh na rozšíření provozní doby pečovatelské služby do 20:00',
      kind: 'regular',
      presenter: 'Hana Vlčková',
      discussion:
        'Pečovatelská služba Slušovice navrhla prodloužit provoz do 20:00. Většina členů považuje návrh za předčasný, ' +
        'dokud nebudou známa data o poptávce z dotazníku.',
    },
    {
      title: 'Různé',
      kind: 'other',
      discussion: 'Jiří Hájek (veřejnost) se zeptal na dostupnost senior taxi v Lutonině.',
    },
    { title: 'Termín příštího jednání', kind: 'next' },
  ] satisfies ScriptItem[],
  /** A hand vote at item 1, before the late arrival. */
  programmeResolution: {
    verb: 'approves' as ResolutionVerb,
    text: 'program jednání v rozeslaném znění a ověřovatelkou zápisu volí Marii Horákovou.',
  },
  evaluationResolution: {
    verb: 'takesNote' as ResolutionVerb,
    text: 'pracovní verzi vyhodnocení KP pro cílovou skupinu senioři a OZP a předává ji řídící skupině k připomínkám.',
  },
  poll: {
    title: 'Priority pro akční plán 2027',
    options: [
      'Odlehčovací služba (respitní péče)',
      'Rozšíření pečovatelské služby o víkendy',
      'Sociální poradenství v menších obcích',
      'Doprava seniorů k lékaři (senior taxi)',
      'Podpora pečujících osob',
    ],
    /** Points per option index, one ballot per voting member present (tie for first: 9 and 9). */
    ballots: [
      [2, 1, 0, 0, 0],
      [2, 0, 1, 0, 0],
      [1, 2, 0, 0, 0],
      [0, 2, 0, 1, 0],
      [1, 1, 1, 0, 0],
      [0, 2, 0, 0, 1],
      [2, 0, 0, 1, 0],
      [0, 1, 2, 0, 0],
      [0, 0, 1, 1, 1],
      [1, 0, 1, 1, 0],
    ],
    verb: 'recommends' as ResolutionVerb,
    text:
      'řídící skupině zařadit do akčního plánu 2027 obě priority, které se při bodování umístily shodně na prvním místě ' +
      '(výsledky hlasování viz příloha č. 3).',
    task: {
      text: 'Připravit pro řídící skupinu podklad k oběma prioritám s odhadem nákladů',
      owner: PERSON.dvorakova,
      deadlineDays: 21,
    },
  },
  /** After the early leaver is gone: 9 voting members present. */
  rejectedResolution: {
    verb: 'approves' as ResolutionVerb,
    text: 'rozšíření provozní doby pečovatelské služby do 20:00 od 1. ledna.',
    vote: { yes: 3, no: 5, abstain: 1 },
  },
  task: {
    text: 'Doplnit do dotazníku otázku na zájem o večerní péči',
    owner: PERSON.vlckova,
    deadlineDays: 14,
  },
  reviews: [
    { status: 'done' as const, comment: 'Data zaslána, jsou součástí vyhodnocení.' },
    {
      status: 'cancelled' as const,
      comment: 'Dotazník rozešle obcím sám Zlínský kraj; úkol se ruší.',
    },
  ],
  attachments: ['Pracovní verze vyhodnocení KP pro cílovou skupinu senioři a OZP'],
  distributedTo: 'členům PS1 a odboru sociálních věcí MěÚ Vizovice',
  /** Days after the meeting: written, verified, sent, comments by, tacitly approved. */
  writtenAfter: 2,
  verifiedAfter: 4,
  distributedAfter: 5,
  commentsAfter: 12,
  approvedAfter: 13,
};

/**
 * The draft successor: everything the invitation prints. Its programme is added only by
 * `npm run documents` (addSuccessorAgenda), so the sample's upcoming PS1 meeting stays empty
 * for a newcomer to fill in the room ("Vložit standardní body").
 */
export const NEXT = {
  items: [
    { title: 'Zahájení, schválení programu, volba ověřovatele', kind: 'opening' },
    { title: 'Kontrola zápisu a plnění úkolů z minulého jednání', kind: 'review' },
    {
      title: 'Výsledky dotazníkového šetření mezi seniory',
      kind: 'regular',
      presenter: 'Petra Dvořáková',
    },
    {
      title: 'Podklad k prioritám pro akční plán 2027',
      kind: 'regular',
      presenter: 'Petra Dvořáková',
    },
    { title: 'Různé', kind: 'other' },
    { title: 'Termín příštího jednání', kind: 'next' },
  ] satisfies ScriptItem[],
  materials: ['Zápis z minulého jednání', 'Souhrn výsledků dotazníkového šetření'],
  invitationContact: 'Petra Dvořáková, tel. 577 000 111, dvorakova@example.cz',
  issuePlace: 'Vizovice',
  /** Days before the meeting the invitation was issued and sent. */
  issuedBefore: 9,
  sentBefore: 8,
  sentTo: 'členům PS1 e-mailem',
};
