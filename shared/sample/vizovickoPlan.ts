// The sample community plan of the sample region (DOMAIN.md §5–§6): "Komunitní plán sociálních
// služeb ORP Vizovice 2026–2028" with 4 priorities, 10 measures, 25 activities and a year of
// monitoring, so the dashboard and the evaluation report have something real to show.
// Deterministic for a given `today` and id source.
import type {
  EvaluationComment,
  FundingSource,
  MonitoringRecord,
  MonitoringStatus,
  Plan,
  PlanItem,
  ServiceForm,
  ServiceType,
} from '../plan/model';
import { computeCodes } from '../plan/numbering';
import type { SampleRegion } from './vizovicko';

export interface SamplePlan {
  plan: Plan;
  items: PlanItem[];
  monitoring: MonitoringRecord[];
  comments: EvaluationComment[];
}

type Act = {
  t: string;
  tg: string[];
  svc?: ServiceType;
  forms?: ServiceForm[];
  impl: number[];
  partners?: number[];
  cost: number;
  src: FundingSource;
  ind?: [string, string, number];
  st: MonitoringStatus | null;
  pct?: number;
  note?: string;
  reason?: string;
  /** Share of the planned cost actually spent. */
  spent?: number;
  actual?: number;
};
type Measure = { t: string; acts: Act[] };
type Priority = { t: string; wg: number; tg: string; measures: Measure[] };

// Organization indexes of the sample region: 0 Město Vizovice, 1 Město Slušovice, 6 Zlínský kraj,
// 7 Úřad práce, 8 Charita Vizovice, 9 Domov pro seniory, 10 Pečovatelská služba Slušovice,
// 11 Diakonie ČCE Vsetín, 12 Azylový dům Zlín, 13 CZP ZK, 14 Sociální služby pro OZP,
// 15 Linka důvěry, 16 RC Beruška, 17 NZDM Klubko, 19 Klub seniorů, 20 STP, 21 ZŠ Vizovice, 23 MAS.
// Body indexes: 1 PS1, 2 PS2, 3 PS3.
const SENIORS = ['senioři'];
const OZP = ['osoby se zdravotním postižením'];
const CARERS = ['pečující osoby'];
const FAMILIES = ['rodiny s dětmi'];
const YOUTH = ['děti a mládež'];
const EXCLUDED = ['osoby ohrožené sociálním vyloučením'];

const PRIORITIES: Priority[] = [
  {
    t: 'Zajištění dostupných služeb pro seniory a pečující',
    wg: 1,
    tg: 'senioři; pečující osoby',
    measures: [
      {
        t: 'Rozvoj terénních služeb v obcích ORP',
        acts: [
          {
            t: 'Rozšíření pečovatelské služby do všech obcí ORP',
            tg: SENIORS,
            svc: 's40',
            forms: ['field'],
            impl: [10],
            partners: [0, 1],
            cost: 1_200_000,
            src: 'mpsv',
            ind: ['počet uživatelů za rok', 'osob', 120],
            st: 'done',
            note: 'Služba od dubna zajíždí do všech 16 obcí, přibyl jeden úvazek pečovatelky.',
            spent: 1.02,
            actual: 131,
          },
          {
            t: 'Zavedení víkendové pečovatelské služby',
            tg: SENIORS,
            svc: 's40',
            forms: ['field'],
            impl: [10],
            cost: 350_000,
            src: 'municipality',
            ind: ['hodin péče o víkendech', 'hodin', 900],
            st: 'partial',
            pct: 60,
            note: 'Víkendy pokryty ve Vizovicích a Slušovicích, v menších obcích zatím ne.',
            spent: 0.7,
            actual: 540,
          },
          {
            t: 'Osobní asistence pro seniory v domácnostech',
            tg: [...SENIORS, ...OZP],
            svc: 's39',
            forms: ['field'],
            impl: [8],
            cost: 900_000,
            src: 'mpsv',
            ind: ['počet klientů', 'osob', 25],
            st: 'inProgress',
            pct: 50,
            note: 'Kapacita navýšena o 0,5 úvazku, čekatelé stále jsou.',
            spent: 0.55,
            actual: 17,
          },
        ],
      },
      {
        t: 'Podpora pečujících osob',
        acts: [
          {
            t: 'Rozšíření kapacity odlehčovací služby o 4 lůžka',
            tg: [...SENIORS, ...CARERS],
            svc: 's44',
            forms: ['residential'],
            impl: [9],
            partners: [6],
            cost: 1_200_000,
            src: 'mpsv',
            ind: ['nová lůžka', 'lůžek', 4],
            st: 'notDone',
            reason:
              'Služba nebyla zařazena do krajské sítě, investice z IROP se přesouvá na rok 2027.',
            note: 'Projektová dokumentace je hotová.',
            spent: 0.05,
            actual: 0,
          },
          {
            t: 'Svépomocná skupina pro pečující',
            tg: CARERS,
            impl: [8],
            cost: 40_000,
            src: 'foundation',
            ind: ['setkání za rok', 'setkání', 10],
            st: 'done',
            note: 'Skupina se schází jednou měsíčně v Charitě Vizovice.',
            spent: 0.9,
            actual: 11,
          },
          {
            t: 'Půjčovna kompenzačních pomůcek',
            tg: [...SENIORS, ...OZP],
            impl: [8],
            partners: [0],
            cost: 80_000,
            src: 'municipality',
            ind: ['výpůjček za rok', 'výpůjček', 60],
            st: 'done',
            note: 'Rozšířena o polohovací lůžka a chodítka.',
            spent: 1,
            actual: 74,
          },
        ],
      },
      {
        t: 'Pobytové služby a bydlení seniorů',
        acts: [
          {
            t: 'Domov se zvláštním režimem pro osoby s demencí – příprava projektu',
            tg: SENIORS,
            svc: 's50',
            forms: ['residential'],
            impl: [9],
            partners: [0, 6],
            cost: 250_000,
            src: 'region',
            ind: ['hotová studie proveditelnosti', 'ks', 1],
            st: 'inProgress',
            pct: 40,
            note: 'Zpracovává se studie proveditelnosti.',
            spent: 0.4,
            actual: 0,
          },
          {
            t: 'Tísňová péče pro osamělé seniory',
            tg: SENIORS,
            svc: 's41',
            forms: ['field'],
            impl: [13],
            cost: 120_000,
            src: 'municipality',
            ind: ['zapojených domácností', 'domácností', 30],
            st: 'notStarted',
            note: 'Obce jednají o spolufinancování.',
            spent: 0,
          },
        ],
      },
    ],
  },
  {
    t: 'Podpora osob se zdravotním postižením',
    wg: 1,
    tg: 'osoby se zdravotním postižením',
    measures: [
      {
        t: 'Zaměstnávání a denní aktivity',
        acts: [
          {
            t: 'Sociálně terapeutická dílna ve Vizovicích',
            tg: OZP,
            svc: 's67',
            forms: ['outpatient'],
            impl: [14],
            partners: [0],
            cost: 850_000,
            src: 'mpsv',
            ind: ['uživatelů za rok', 'osob', 15],
            st: 'done',
            note: 'Dílna provozuje keramickou a textilní výrobu.',
            spent: 0.98,
            actual: 16,
          },
          {
            t: 'Sociální rehabilitace – nácvik samostatnosti',
            tg: OZP,
            svc: 's70',
            forms: ['outpatient', 'field'],
            impl: [14],
            cost: 400_000,
            src: 'esf',
            ind: ['uživatelů za rok', 'osob', 20],
            st: 'inProgress',
            pct: 70,
            note: 'Projekt z OP Zaměstnanost+ běží do roku 2027.',
            spent: 0.65,
            actual: 14,
          },
        ],
      },
      {
        t: 'Bezbariérovost',
        acts: [
          {
            t: 'Mapa bezbariérových míst ORP',
            tg: OZP,
            impl: [20],
            partners: [23],
            cost: 30_000,
            src: 'municipality',
            ind: ['zmapovaných míst', 'míst', 80],
            st: 'done',
            note: 'Mapa je zveřejněna na webu města a v tištěné podobě.',
            spent: 1,
            actual: 92,
          },
        ],
      },
      {
        t: 'Poradenství a informace pro osoby se zdravotním postižením',
        acts: [
          {
            t: 'Odborné sociální poradenství pro OZP – konzultační místo ve Slušovicích',
            tg: OZP,
            svc: 's37',
            forms: ['outpatient'],
            impl: [13],
            partners: [1],
            cost: 150_000,
            src: 'mpsv',
            ind: ['konzultací za rok', 'konzultací', 150],
            st: 'partial',
            pct: 50,
            note: 'Konzultační místo funguje jeden den v měsíci místo plánovaných dvou.',
            spent: 0.5,
            actual: 70,
          },
        ],
      },
    ],
  },
  {
    t: 'Podpora rodin s dětmi a mládeže',
    wg: 2,
    tg: 'rodiny s dětmi; děti a mládež',
    measures: [
      {
        t: 'Služby pro rodiny v obtížné situaci',
        acts: [
          {
            t: 'Sociálně aktivizační služba pro rodiny s dětmi v menších obcích',
            tg: FAMILIES,
            svc: 's65',
            forms: ['field'],
            impl: [12],
            partners: [7],
            cost: 600_000,
            src: 'mpsv',
            ind: ['podpořených rodin', 'rodin', 30],
            st: 'done',
            note: 'Služba pracuje s 34 rodinami, spolupráce s OSPOD funguje.',
            spent: 1,
            actual: 34,
          },
          {
            t: 'Dluhové poradenství pro rodiny',
            tg: [...FAMILIES, ...EXCLUDED],
            svc: 's37',
            forms: ['outpatient'],
            impl: [8],
            cost: 180_000,
            src: 'foundation',
            ind: ['klientů za rok', 'osob', 60],
            st: 'done',
            note: 'Poradna ve Vizovicích otevřena dvakrát týdně.',
            spent: 0.95,
            actual: 71,
          },
          {
            t: 'Krizová pomoc pro rodiny – spolupráce s intervenčním centrem',
            tg: FAMILIES,
            svc: 's60a',
            forms: ['outpatient', 'field'],
            impl: [12],
            cost: 100_000,
            src: 'region',
            st: 'inProgress',
            pct: 30,
            note: 'Uzavřena dohoda o spolupráci, výjezdy zatím nezahájeny.',
            spent: 0.3,
          },
        ],
      },
      {
        t: 'Volný čas a prevence u dětí a mládeže',
        acts: [
          {
            t: 'NZDM Klubko – rozšíření otevírací doby',
            tg: YOUTH,
            svc: 's62',
            forms: ['outpatient'],
            impl: [17],
            partners: [1],
            cost: 450_000,
            src: 'mpsv',
            ind: ['kontaktů za rok', 'kontaktů', 1500],
            st: 'done',
            note: 'Klub otevřen i v pátek odpoledne.',
            spent: 1,
            actual: 1720,
          },
          {
            t: 'Terénní program pro mládež ve Vizovicích',
            tg: YOUTH,
            svc: 's69',
            forms: ['field'],
            impl: [17],
            partners: [0],
            cost: 300_000,
            src: 'municipality',
            ind: ['kontaktů za rok', 'kontaktů', 400],
            st: 'postponed',
            reason: 'Nepodařilo se obsadit místo terénního pracovníka, start přesunut na rok 2027.',
            spent: 0,
          },
          {
            t: 'Preventivní programy na základních školách',
            tg: YOUTH,
            impl: [21],
            partners: [24],
            cost: 60_000,
            src: 'municipality',
            ind: ['tříd zapojených do programu', 'tříd', 12],
            st: 'done',
            note: 'Programy proběhly ve 14 třídách.',
            spent: 0.85,
            actual: 14,
          },
          {
            t: 'Rodinné centrum – programy pro rodiče s malými dětmi',
            tg: FAMILIES,
            svc: 'related',
            impl: [16],
            cost: 90_000,
            src: 'foundation',
            ind: ['účastníků programů', 'osob', 200],
            st: 'done',
            note: 'Rodinné centrum Beruška vede 4 pravidelné kroužky.',
            spent: 1,
            actual: 236,
          },
        ],
      },
    ],
  },
  {
    t: 'Sociální začleňování a společná podpora sítě služeb',
    wg: 3,
    tg: 'osoby ohrožené sociálním vyloučením',
    measures: [
      {
        t: 'Bydlení a krizová pomoc',
        acts: [
          {
            t: 'Krizové byty města Vizovice',
            tg: EXCLUDED,
            impl: [0],
            partners: [8],
            cost: 200_000,
            src: 'municipality',
            ind: ['krizových bytů', 'bytů', 2],
            st: 'partial',
            pct: 50,
            note: 'Zrekonstruován jeden byt ze dvou.',
            spent: 0.6,
            actual: 1,
          },
          {
            t: 'Terénní programy pro osoby ohrožené sociálním vyloučením',
            tg: EXCLUDED,
            svc: 's69',
            forms: ['field'],
            impl: [11],
            partners: [7],
            cost: 500_000,
            src: 'mpsv',
            ind: ['klientů za rok', 'osob', 45],
            st: 'inProgress',
            pct: 60,
            note: 'Pracovník působí v lokalitách Vizovice a Lutonina.',
            spent: 0.6,
            actual: 31,
          },
          {
            t: 'Noclehárna pro muže v ORP',
            tg: EXCLUDED,
            svc: 's63',
            forms: ['outpatient'],
            impl: [11],
            cost: 0,
            src: 'mpsv',
            st: 'cancelled',
            reason:
              'Analýza potřeb neprokázala poptávku; lidé bez přístřeší využívají noclehárnu ve Zlíně.',
          },
        ],
      },
      {
        t: 'Informovanost a koordinace',
        acts: [
          {
            t: 'Katalog sociálních služeb ORP Vizovice – aktualizace a distribuce',
            tg: [...SENIORS, ...FAMILIES, ...EXCLUDED],
            impl: [0],
            partners: [23],
            cost: 60_000,
            src: 'municipality',
            ind: ['výtisků', 'ks', 3000],
            st: 'done',
            note: 'Katalog vyšel v nákladu 3 000 ks a je i na webu.',
            spent: 1,
            actual: 3000,
          },
          {
            t: 'Linka důvěry – propagace v obcích',
            tg: EXCLUDED,
            svc: 's55',
            impl: [15],
            cost: 20_000,
            src: 'region',
            st: null,
          },
          {
            t: 'Společné vzdělávání pracovníků služeb',
            tg: [...SENIORS, ...FAMILIES],
            impl: [23],
            partners: [8, 10],
            cost: 50_000,
            src: 'esf',
            ind: ['proškolených pracovníků', 'osob', 40],
            st: 'done',
            note: 'Tři semináře, 46 účastníků.',
            spent: 0.9,
            actual: 46,
          },
        ],
      },
    ],
  },
];

function reportingYear(today: string): number {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Math.min(2028, Math.max(2026, m < 3 ? y - 1 : y));
}

export function buildSamplePlan(
  region: SampleRegion,
  today: string,
  newId: () => string,
  now: string,
): SamplePlan {
  const org = (i: number) => region.organizations[i]!.id;
  const body = (i: number) => region.bodies[i]!.id;
  const stamp = { createdAt: now, updatedAt: now };
  const year = reportingYear(today);
  const reportedOn = today < `${year}-11-20` ? today : `${year}-11-20`;
  const earlyReport = `${year}-01-15` < reportedOn ? `${year}-01-15` : undefined;
  const plan: Plan = {
    id: newId(),
    name: 'Komunitní plán sociálních služeb ORP Vizovice 2026–2028',
    territory: ['ORP Vizovice', 'Mikroregion Vizovicko', 'Mikroregion Slušovicko'],
    periodFrom: 2026,
    periodTo: 2028,
    vision:
      'Lidé na Vizovicku a Slušovicku, kteří se ocitnou v nepříznivé sociální situaci, najdou včas dostupnou a kvalitní pomoc co nejblíže svému domovu.',
    mission:
      'Společně plánovat sociální služby se zadavateli, poskytovateli a uživateli tak, aby odpovídaly skutečným potřebám obyvatel.',
    status: 'approved',
    approvals: [
      { body: 'Rada města Vizovice', date: '2025-11-24', resolution: 'RM/48/2025/12' },
      { body: 'Zastupitelstvo města Vizovice', date: '2025-12-10', resolution: 'ZM/12/2025/7' },
      { body: 'Zastupitelstvo města Slušovice', date: '2025-12-15', resolution: '9/2025/4' },
    ],
    workingGroupIds: [body(1), body(2), body(3)],
    levelNames: { 1: 'Priorita', 2: 'Opatření', 3: 'Aktivita' },
    ...stamp,
  };

  const items: PlanItem[] = [];
  const monitoring: MonitoringRecord[] = [];
  const chairOf = (bodyIndex: number) => {
    const m = region.memberships.find((x) => x.bodyId === body(bodyIndex) && x.role === 'chair');
    const p = m ? region.people.find((x) => x.id === m.personId) : undefined;
    return p ? [p.title, p.firstName, p.lastName].filter(Boolean).join(' ') : undefined;
  };
  const lastMeeting = (bodyIndex: number) =>
    region.meetings
      .filter((m) => m.bodyId === body(bodyIndex) && m.date < today)
      .sort((a, b) => b.date.localeCompare(a.date))[0];

  const base = {
    targetGroups: [] as string[],
    serviceForms: [] as ServiceForm[],
    implementerIds: [] as string[],
    partnerIds: [] as string[],
    costs: [],
    indicators: [],
    formerCodes: [] as string[],
    code: '',
  };
  PRIORITIES.forEach((p, pi) => {
    const priority: PlanItem = {
      ...base,
      id: newId(),
      planId: plan.id,
      level: 1,
      order: pi + 1,
      title: p.t,
      targetGroups: p.tg.split('; '),
      workingGroupId: body(p.wg),
      ...stamp,
    };
    items.push(priority);
    p.measures.forEach((m, mi) => {
      const measure: PlanItem = {
        ...base,
        id: newId(),
        planId: plan.id,
        parentId: priority.id,
        level: 2,
        order: mi + 1,
        title: m.t,
        ...stamp,
      };
      items.push(measure);
      m.acts.forEach((a, ai) => {
        const indicatorId = newId();
        const activity: PlanItem = {
          ...base,
          id: newId(),
          planId: plan.id,
          parentId: measure.id,
          level: 3,
          order: ai + 1,
          title: a.t,
          targetGroups: a.tg,
          serviceForms: a.forms ?? [],
          implementerIds: a.impl.map(org),
          partnerIds: (a.partners ?? []).map(org),
          territory: 'ORP Vizovice',
          scheduleFrom: 2026,
          scheduleTo: 2028,
          costs:
            a.cost > 0
              ? [2026, 2027, 2028].map((y) => ({ year: y, source: a.src, amount: a.cost }))
              : [],
          indicators: a.ind
            ? [{ id: indicatorId, name: a.ind[0], unit: a.ind[1], target: a.ind[2] }]
            : [],
          ...stamp,
        };
        if (a.svc) activity.serviceType = a.svc;
        if (a.cost > 0)
          activity.need =
            'Vyplývá z analýzy potřeb a dotazníkového šetření mezi uživateli služeb (2025).';
        if (a.st === 'notDone' || a.st === 'postponed')
          activity.risks = 'Nedostatek personálu; nezařazení služby do krajské sítě.';
        items.push(activity);
        if (!a.st) return;
        const meeting = lastMeeting(p.wg);
        const rec: MonitoringRecord = {
          id: newId(),
          planId: plan.id,
          planItemId: activity.id,
          period: year,
          status: a.st,
          indicatorActuals:
            a.ind && a.actual !== undefined ? [{ indicatorId, value: a.actual }] : [],
          actualCosts: a.spent
            ? [{ source: a.src, amount: Math.round((a.cost * a.spent) / 1000) * 1000 }]
            : [],
          reportedOn,
          ...stamp,
        };
        if (a.pct !== undefined) rec.fulfilment = a.pct;
        if (a.note) rec.comment = a.note;
        if (a.reason) rec.reason = a.reason;
        const chair = chairOf(p.wg);
        if (chair) rec.reportedBy = chair;
        if (meeting) rec.source = { meetingId: meeting.id };
        // an earlier report in the year: the history shows progress
        if (a.st === 'done' && ai === 0 && earlyReport) {
          monitoring.push({
            ...rec,
            id: newId(),
            status: 'inProgress',
            fulfilment: 50,
            comment: 'Jednání s obcemi o rozšíření služby probíhají.',
            actualCosts: [],
            indicatorActuals: [],
            reportedOn: earlyReport,
          });
        }
        monitoring.push(rec);
      });
    });
  });
  const codes = computeCodes(items);
  for (const i of items) i.code = codes.get(i.id)!;

  const steeringChair = chairOf(0) ?? 'Řídící skupina';
  const comments: EvaluationComment[] = [];
  const odlehcovaci = items.find((i) => i.title.startsWith('Rozšíření kapacity odlehčovací'));
  if (odlehcovaci) {
    comments.push({
      id: newId(),
      planId: plan.id,
      planItemId: odlehcovaci.id,
      period: year,
      workingGroupId: body(1),
      author: steeringChair,
      text: 'Doplnit, kdy kraj rozhodne o zařazení do sítě, a navrhnout převzetí aktivity do dalšího období.',
      ...stamp,
    });
  }
  // The evaluation texts people write in the evaluation tab (printed in the report).
  const priority = (code: string) => items.find((i) => i.level === 1 && i.code === code)!.id;
  plan.evaluations = [
    {
      period: year,
      workingGroupId: body(1),
      status: 'submitted',
      summary:
        'Pracovní verze PS1: většina aktivit pro seniory se plní, problémem zůstává kapacita odlehčovací služby.',
      priorityAssessments: {
        [priority('1')]:
          'Terénní služby pro seniory se rozšířily do všech obcí ORP. Odlehčovací služba nebyla zařazena do krajské sítě; aktivitu navrhujeme převzít do dalšího období.',
      },
      approval: { groupDiscussedOn: reportedOn },
      updatedAt: now,
    },
    {
      period: year,
      workingGroupId: '',
      status: 'draft',
      summary:
        'Plán se v prvním roce plní podle harmonogramu; zpožděné jsou aktivity závislé na krajské síti a na investičních dotacích.',
      priorityAssessments: {
        [priority('1')]:
          'Dostupnost péče v domácnostech se zlepšila; chybí pobytová odlehčovací služba.',
        [priority('2')]: 'Poradenství pro osoby se zdravotním postižením funguje v obou městech.',
      },
      conclusions:
        'Do aktualizace plánu převzít rozšíření odlehčovací služby a domov se zvláštním režimem.\n\nDoplnit analýzu potřeb pečujících osob v menších obcích.',
      preparedBy: 'koordinátorka KPSS',
      approval: { councilBody: 'Zastupitelstvo města Vizovice', councilDecision: 'noted' },
      updatedAt: now,
    },
  ];
  return { plan, items, monitoring, comments };
}
