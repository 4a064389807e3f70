// CSV import of people and organizations from the lists towns keep in Excel. Pure: parses,
// recognizes the columns (Czech or English headers, any case, with or without diacritics),
// validates every row with the domain input schemas and plans the writes. Nothing is written
// unless every row is valid (the db layer writes the plan in one transaction).
import Papa from 'papaparse';
import {
  fold,
  fullName,
  isValidIco,
  normalizeIco,
  ORGANIZATION_KINDS,
  organizationInput,
  personInput,
  TRIAD_ROLES,
  type OrganizationInput,
  type OrganizationKind,
  type PersonInput,
  type TriadRole,
} from '../domain';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;

export type CsvKind = 'people' | 'organizations';

export interface CsvRowError {
  /** Column (field name) or '_' for the whole row. */
  field: string;
  /** i18n key (errors.* or safety.csv.*). */
  code: string;
  params?: Record<string, string>;
}

export interface CsvRow<T> {
  /** Line in the file (the header is line 1). */
  line: number;
  data: T;
  errors: CsvRowError[];
  /** People: the organization will be created by this import. */
  newOrganization?: string;
}

export interface CsvPlan {
  kind: CsvKind;
  people: CsvRow<PersonInput>[];
  organizations: CsvRow<OrganizationInput>[];
  /** Organizations named in a people list that do not exist yet (created as kind "other"). */
  newOrganizations: string[];
  valid: boolean;
  /** File-level problem (i18n key), when the file could not be read as a list at all. */
  fileError?: string;
}

/** Names and words of a row match without accents, case, spaces or punctuation. */
const nameKey = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

const PEOPLE_COLUMNS: Record<string, keyof PersonInput | 'organization'> = {
  jmeno: 'firstName',
  krestnijmeno: 'firstName',
  firstname: 'firstName',
  prijmeni: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  titul: 'title',
  title: 'title',
  email: 'email',
  mail: 'email',
  telefon: 'phone',
  tel: 'phone',
  phone: 'phone',
  mobil: 'phone',
  role: 'triadRole',
  roletriady: 'triadRole',
  rolevtriade: 'triadRole',
  triada: 'triadRole',
  triadrole: 'triadRole',
  organizace: 'organization',
  organization: 'organization',
  instituce: 'organization',
  poznamka: 'note',
  note: 'note',
};
const ORG_COLUMNS: Record<string, keyof OrganizationInput> = {
  nazev: 'name',
  nazevorganizace: 'name',
  name: 'name',
  organizace: 'name',
  organization: 'name',
  ico: 'ico',
  ic: 'ico',
  druh: 'kind',
  typ: 'kind',
  kind: 'kind',
  type: 'kind',
};

const ROLE_WORDS: Record<string, TriadRole> = {
  zadavatel: 'commissioner',
  commissioner: 'commissioner',
  zadavatele: 'commissioner',
  poskytovatel: 'provider',
  provider: 'provider',
  poskytovatele: 'provider',
  uzivatel: 'user',
  user: 'user',
  uzivatele: 'user',
  verejnost: 'public',
  public: 'public',
};
const KIND_WORDS: Record<string, OrganizationKind> = {
  obec: 'municipality',
  mesto: 'municipality',
  obecmesto: 'municipality',
  municipality: 'municipality',
  kraj: 'region',
  region: 'region',
  poskytovatel: 'provider',
  poskytovatelsocialnichsluzeb: 'provider',
  provider: 'provider',
  nno: 'ngo',
  nestatnineziskovaorganizace: 'ngo',
  neziskovaorganizace: 'ngo',
  ngo: 'ngo',
  spolek: 'ngo',
  skola: 'school',
  school: 'school',
  jina: 'other',
  jine: 'other',
  other: 'other',
};

/** Czech Excel saves CSV as windows-1250; anything else is UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): CsvRowError[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '_',
    code: i.message.startsWith('errors.') ? i.message : 'errors.invalid',
  }));
}

export function planCsvImport(
  text: string,
  existing: {
    organizations: { id: string; name: string; ico?: string }[];
    people: { firstName: string; lastName: string; organizationId?: string }[];
  },
): CsvPlan {
  const empty = (fileError: string, kind: CsvKind = 'people'): CsvPlan => ({
    kind,
    people: [],
    organizations: [],
    newOrganizations: [],
    valid: false,
    fileError,
  });
  if (text.length > MAX_CSV_BYTES) return empty('safety.csv.tooLarge');
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((r) => Array.isArray(r));
  if (rows.length < 2) return empty('safety.csv.noRows');
  if (rows.length - 1 > MAX_CSV_ROWS) return empty('safety.csv.tooManyRows');
  const header = rows[0]!.map(nameKey);
  const isPeople = header.some((h) => PEOPLE_COLUMNS[h] === 'lastName');
  const isOrgs = !isPeople && header.some((h) => ORG_COLUMNS[h] === 'name');
  if (!isPeople && !isOrgs) return empty('safety.csv.unknownColumns');

  const orgByName = new Map(existing.organizations.map((o) => [nameKey(o.name), o]));
  const orgByIco = new Map(existing.organizations.filter((o) => o.ico).map((o) => [o.ico!, o]));

  if (isOrgs) {
    const cols = header.map((h) => ORG_COLUMNS[h]);
    const seen = new Set<string>();
    const organizations = rows.slice(1).map((cells, i): CsvRow<OrganizationInput> => {
      const raw: Record<string, string> = {};
      cols.forEach((c, j) => c && (raw[c] = (cells[j] ?? '').trim()));
      const errors: CsvRowError[] = [];
      const kindWord = nameKey(raw.kind ?? '');
      const kind: OrganizationKind | undefined = kindWord ? KIND_WORDS[kindWord] : 'other';
      if (!kind)
        errors.push({
          field: 'kind',
          code: 'safety.csv.unknownKind',
          params: { value: raw.kind ?? '', allowed: ORGANIZATION_KINDS.join(', ') },
        });
      const data: OrganizationInput = {
        name: raw.name ?? '',
        kind: kind ?? 'other',
        ...(raw.ico ? { ico: raw.ico } : {}),
      };
      const result = organizationInput.safeParse(data);
      if (!result.success) errors.push(...issuesOf(result.error));
      const ico = raw.ico && isValidIco(normalizeIco(raw.ico)) ? normalizeIco(raw.ico) : undefined;
      const key = nameKey(raw.name ?? '');
      if (key && (orgByName.has(key) || (ico && orgByIco.has(ico))))
        errors.push({
          field: 'name',
          code: 'safety.csv.orgExists',
          params: { name: raw.name ?? '' },
        });
      else if (key && seen.has(key))
        errors.push({
          field: 'name',
          code: 'safety.csv.duplicateRow',
          params: { name: raw.name ?? '' },
        });
      seen.add(key);
      return { line: i + 2, data, errors };
    });
    return {
      kind: 'organizations',
      people: [],
      organizations,
      newOrganizations: [],
      valid: organizations.every((r) => r.errors.length === 0),
    };
  }

  const cols = header.map((h) => PEOPLE_COLUMNS[h]);
  const newOrgs = new Map<string, string>();
  const existingPeople = new Set(
    existing.people.map((p) => nameKey(`${p.firstName}|${p.lastName}|${p.organizationId ?? ''}`)),
  );
  const seen = new Set<string>();
  const people = rows.slice(1).map((cells, i): CsvRow<PersonInput> => {
    const raw: Record<string, string> = {};
    cols.forEach((c, j) => c && (raw[c] = (cells[j] ?? '').trim()));
    const errors: CsvRowError[] = [];
    const roleWord = nameKey(raw.triadRole ?? '');
    const triadRole = ROLE_WORDS[roleWord];
    if (!triadRole)
      errors.push({
        field: 'triadRole',
        code: roleWord ? 'safety.csv.unknownRole' : 'errors.required',
        params: { value: raw.triadRole ?? '', allowed: TRIAD_ROLES.join(', ') },
      });
    let newOrganization: string | undefined;
    let organizationId: string | undefined;
    if (raw.organization) {
      const org = orgByName.get(nameKey(raw.organization));
      if (org) organizationId = org.id;
      else {
        newOrganization = raw.organization;
        newOrgs.set(nameKey(raw.organization), raw.organization);
      }
    }
    const data: PersonInput = {
      firstName: raw.firstName ?? '',
      lastName: raw.lastName ?? '',
      triadRole: triadRole ?? 'public',
      ...(raw.title ? { title: raw.title } : {}),
      ...(raw.email ? { email: raw.email } : {}),
      ...(raw.phone ? { phone: raw.phone } : {}),
      ...(raw.note ? { note: raw.note } : {}),
      ...(organizationId ? { organizationId } : {}),
    };
    const result = personInput.safeParse(data);
    if (!result.success)
      errors.push(...issuesOf(result.error).filter((e) => e.field !== 'triadRole'));
    const key = nameKey(
      `${data.firstName}|${data.lastName}|${organizationId ?? newOrganization ?? ''}`,
    );
    if (existingPeople.has(key))
      errors.push({
        field: '_',
        code: 'safety.csv.personExists',
        params: { name: fullName({ firstName: data.firstName, lastName: data.lastName }) },
      });
    else if (seen.has(key))
      errors.push({
        field: '_',
        code: 'safety.csv.duplicateRow',
        params: { name: fullName({ firstName: data.firstName, lastName: data.lastName }) },
      });
    seen.add(key);
    return { line: i + 2, data, errors, ...(newOrganization ? { newOrganization } : {}) };
  });
  return {
    kind: 'people',
    people,
    organizations: [],
    newOrganizations: [...newOrgs.values()],
    valid: people.every((r) => r.errors.length === 0),
  };
}
