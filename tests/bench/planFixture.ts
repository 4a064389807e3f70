// Three community plans of a decade (tests/bench/fixtures.ts): 2016–2019 and 2020–2023 closed,
// 2024–2027 approved; each 5 priorities × 5 measures × 6 activities = 150 activities, with a
// monitoring record per activity and reported year (shaped like shared/sample/vizovickoPlan.ts).
import type { Body, Meeting, Organization } from '@shared/domain';
import type {
  FundingSource,
  MonitoringRecord,
  MonitoringStatus,
  Plan,
  PlanItem,
  ServiceForm,
  ServiceType,
} from '@shared/plan';
import { computeCodes, TARGET_GROUP_SUGGESTIONS } from '@shared/plan';

const PERIODS: [number, number, Plan['status']][] = [
  [2016, 2019, 'closed'],
  [2020, 2023, 'closed'],
  [2024, 2027, 'approved'],
];
/** The last year with monitoring (the region's data ends in 2025). */
const LAST_REPORTED = 2025;
const PRIORITIES = [
  'Dostupné služby pro seniory a pečující',
  'Podpora osob se zdravotním postižením',
  'Rodiny s dětmi a mládež',
  'Sociální začleňování a prevence',
  'Informovanost a spolupráce v regionu',
];
const MEASURES = [
  'Rozvoj terénních služeb v menších obcích',
  'Posílení kapacity pobytových a odlehčovacích služeb',
  'Dostupné poradenství a informace',
  'Doprava a dostupnost služeb',
  'Vzdělávání a podpora pracovníků',
];
const ACTIVITIES = [
  'Rozšíření pečovatelské služby do obcí',
  'Zřízení odlehčovací služby',
  'Senior taxi pro okolní obce',
  'Odborné sociální poradenství v obou městech',
  'Setkání poskytovatelů a zadavatelů',
  'Katalog sociálních služeb (tištěný i on-line)',
  'Dobrovolnické centrum',
  'Podpora pečujících osob – svépomocné skupiny',
  'Nízkoprahové zařízení pro děti a mládež',
  'Dluhové poradenství',
];
const SERVICES: ServiceType[] = ['s40', 's44', 's37', 's62', 's65', 's69', 's48', 's57'];
const FORMS: ServiceForm[][] = [
  ['field'],
  ['outpatient'],
  ['residential'],
  ['field', 'outpatient'],
];
const SOURCES: FundingSource[] = ['mpsv', 'region', 'municipality', 'esf'];
const STATUSES: MonitoringStatus[] = ['done', 'done', 'inProgress', 'partial', 'postponed'];

export function buildPlans(input: {
  rnd: () => number;
  newId: () => string;
  organizations: readonly Organization[];
  bodies: readonly Body[];
  meetings: readonly Meeting[];
  stamp: { createdAt: string; updatedAt: string };
}): { plans: Plan[]; planItems: PlanItem[]; monitoring: MonitoringRecord[] } {
  const { rnd, newId, organizations, bodies, stamp } = input;
  const groups = bodies.filter((b) => b.kind === 'working');
  const plans: Plan[] = [];
  const planItems: PlanItem[] = [];
  const monitoring: MonitoringRecord[] = [];
  const base = {
    targetGroups: [] as string[],
    serviceForms: [] as ServiceForm[],
    implementerIds: [] as string[],
    partnerIds: [] as string[],
    costs: [],
    indicators: [],
    formerCodes: [] as string[],
    code: '',
    ...stamp,
  };
  let previous: Plan | undefined;
  for (const [from, to, status] of PERIODS) {
    const plan: Plan = {
      id: newId(),
      name: `Komunitní plán sociálních služeb ORP Vizovice ${from}–${to}`,
      territory: ['ORP Vizovice', 'Mikroregion Vizovicko', 'Mikroregion Slušovicko'],
      periodFrom: from,
      periodTo: to,
      status,
      approvals: [
        {
          body: 'Zastupitelstvo města Vizovice',
          date: `${from - 1}-12-10`,
          resolution: `ZM/12/${from - 1}/7`,
        },
      ],
      workingGroupIds: groups.map((g) => g.id),
      levelNames: { 1: 'Priorita', 2: 'Opatření', 3: 'Aktivita' },
      ...(previous ? { previousPlanId: previous.id } : {}),
      ...stamp,
    };
    plans.push(plan);
    const items: PlanItem[] = [];
    PRIORITIES.forEach((title, pi) => {
      const group = groups[pi % groups.length]!;
      const priority: PlanItem = {
        ...base,
        id: newId(),
        planId: plan.id,
        level: 1,
        order: pi + 1,
        title,
        targetGroups: [TARGET_GROUP_SUGGESTIONS[pi % TARGET_GROUP_SUGGESTIONS.length]!],
        workingGroupId: group.id,
      };
      items.push(priority);
      MEASURES.forEach((mt, mi) => {
        const measure: PlanItem = {
          ...base,
          id: newId(),
          planId: plan.id,
          parentId: priority.id,
          level: 2,
          order: mi + 1,
          title: mt,
        };
        items.push(measure);
        for (let ai = 0; ai < 6; ai++) {
          const n = pi * 30 + mi * 6 + ai;
          const indicatorId = newId();
          const cost = 50_000 + Math.floor(rnd() * 40) * 10_000;
          const source = SOURCES[n % SOURCES.length]!;
          const activity: PlanItem = {
            ...base,
            id: newId(),
            planId: plan.id,
            parentId: measure.id,
            level: 3,
            order: ai + 1,
            title: `${ACTIVITIES[n % ACTIVITIES.length]} (${n + 1})`,
            targetGroups: [TARGET_GROUP_SUGGESTIONS[n % TARGET_GROUP_SUGGESTIONS.length]!],
            serviceType: SERVICES[n % SERVICES.length]!,
            serviceForms: FORMS[n % FORMS.length]!,
            implementerIds: [organizations[n % organizations.length]!.id],
            partnerIds: [organizations[(n + 7) % organizations.length]!.id],
            territory: 'ORP Vizovice',
            scheduleFrom: from,
            scheduleTo: to,
            costs: Array.from({ length: to - from + 1 }, (_, y) => ({
              year: from + y,
              source,
              amount: cost,
            })),
            indicators: [
              { id: indicatorId, name: 'Počet podpořených osob', unit: 'osob', target: 40 },
            ],
            need: 'Vyplývá z analýzy potřeb a dotazníkového šetření mezi uživateli služeb.',
          };
          items.push(activity);
          for (let year = from; year <= Math.min(to, LAST_REPORTED); year++) {
            const st = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
            monitoring.push({
              id: newId(),
              planId: plan.id,
              planItemId: activity.id,
              period: year,
              status: st,
              fulfilment:
                st === 'done' ? 100 : st === 'postponed' ? 0 : 30 + Math.floor(rnd() * 60),
              indicatorActuals: [{ indicatorId, value: Math.floor(rnd() * 50) }],
              actualCosts: [{ source, amount: Math.round((cost * rnd()) / 1000) * 1000 }],
              reportedOn: `${year}-11-20`,
              reportedBy: 'koordinátorka KPSS',
              ...stamp,
            });
          }
        }
      });
    });
    const codes = computeCodes(items);
    for (const i of items) i.code = codes.get(i.id)!;
    planItems.push(...items);
    previous = plan;
  }
  return { plans, planItems, monitoring };
}
