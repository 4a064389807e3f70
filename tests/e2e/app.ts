import { expect, type Locator, type Page } from '@playwright/test';

/** The attendance word in either gender ("přítomen" / "přítomna"): the app words it by the name. */
export function statusWord(status: 'přítomen' | 'omluven' | 'nepřítomen' | 'zastoupen'): RegExp {
  const female = {
    přítomen: 'přítomna',
    omluven: 'omluvena',
    nepřítomen: 'nepřítomna',
    zastoupen: 'zastoupena',
  };
  return new RegExp(`^(${status}|${female[status]})$`);
}

/** Page model of Triáda in browser mode; role-based locators only, Czech UI. */
export class App {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  nav(name: string) {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  async startEmpty() {
    await this.page.getByRole('button', { name: 'Začít s prázdnou databází' }).click();
    await expect(this.page.getByRole('heading', { name: 'Skupiny', level: 1 })).toBeVisible();
  }

  /** The sample region, its PS1 (Senioři a osoby se zdravotním postižením), the first upcoming meeting's page. */
  async openUpcomingPs1Meeting() {
    await this.open();
    await this.loadSample();
    await this.nav('Jednání').click();
    await this.page
      .getByLabel('Skupina')
      .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
    await this.page.getByRole('tabpanel').getByRole('link').first().click();
  }

  async loadSample() {
    await this.page.getByRole('button', { name: 'Načíst ukázkový region' }).click();
    await expect(this.page.getByRole('heading', { name: 'Přehled', level: 1 })).toBeVisible();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async addPerson(p: {
    first: string;
    last: string;
    role: 'zadavatel' | 'poskytovatel' | 'uživatel' | 'veřejnost';
    email?: string;
  }) {
    await this.page.getByRole('button', { name: 'Přidat osobu' }).first().click();
    const d = this.dialog();
    await d.getByLabel('Jméno', { exact: true }).fill(p.first);
    await d.getByLabel('Příjmení').fill(p.last);
    await d.getByLabel('Role v triádě').selectOption({ label: p.role });
    if (p.email) await d.getByLabel('E-mail').fill(p.email);
    await d.getByRole('button', { name: 'Uložit' }).click();
    await expect(d).toBeHidden();
  }

  async createBody(code: string, name: string) {
    await this.page.getByRole('button', { name: 'Založit skupinu' }).first().click();
    const d = this.dialog();
    await d.getByLabel('Zkratka').fill(code);
    await d.getByLabel('Název', { exact: true }).fill(name);
    await d.getByRole('button', { name: 'Uložit' }).click();
    await expect(d).toBeHidden();
  }

  async addMember(optionLabel: string) {
    await this.page.getByRole('button', { name: 'Přidat člena' }).click();
    const d = this.dialog();
    await d.getByLabel('Osoba').selectOption({ label: optionLabel });
    await d.getByRole('button', { name: 'Uložit' }).click();
    await expect(d).toBeHidden();
  }

  memberRow(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }

  async mark(name: string, status: 'přítomen' | 'omluven' | 'nepřítomen' | 'zastoupen') {
    const button = this.memberRow(name).getByRole('button', { name: statusWord(status) });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  quorumVerdict() {
    return this.page.getByTestId('quorum-verdict');
  }

  triadCount(role: 'commissioner' | 'provider' | 'user' | 'public') {
    return this.page.getByTestId('triad-counts').locator(`[data-role="${role}"]`);
  }
}

/** An ISO day `days` from today in the browser's (Prague) calendar. */
export function isoInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(d);
}

const pageOf = (scope: Page | Locator): Page => ('page' in scope ? scope.page() : scope);

/**
 * Types an ISO day into the date field labelled `label` inside `scope`, segment by segment
 * as a person does (Czech order: day, month, year).
 */
export async function fillDate(scope: Page | Locator, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  const field = scope.getByRole('group', { name: label, exact: true });
  await field.getByRole('spinbutton').first().click();
  await pageOf(scope).keyboard.type(`${d}${m}${y}`);
  await expect(field.getByRole('spinbutton').last()).toHaveAttribute(
    'aria-valuenow',
    String(Number(y)),
  );
}

/** Types "HH:MM" into the time field labelled `label` inside `scope`. */
export async function fillTime(scope: Page | Locator, label: string, hhmm: string) {
  const field = scope.getByRole('group', { name: label, exact: true });
  await field.getByRole('spinbutton').first().click();
  await pageOf(scope).keyboard.type(hhmm.replace(':', ''));
  await expect(field.getByRole('spinbutton').last()).toHaveAttribute(
    'aria-valuenow',
    String(Number(hhmm.slice(3))),
  );
}
