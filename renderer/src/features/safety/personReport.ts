import type { TFunction } from 'i18next';
import { fullName } from '@shared/domain';
import type { PersonExport } from '../../db';
import { formatDate } from '../../i18n/format';
import { tableLabel } from './describe';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const value = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A readable, self-contained HTML summary of everything stored about a person. */
export function personReportHtml(t: TFunction, data: PersonExport, lang: string): string {
  const p = data.person;
  const rows = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(value(v))}</td></tr>`)
      .join('');
  const sections = Object.entries(data.records)
    .map(
      ([table, recs]) =>
        `<h3>${esc(tableLabel(t, table))} (${recs.length})</h3>` +
        recs.map((r) => `<table>${rows(r)}</table>`).join(''),
    )
    .join('');
  const title = `${t('safety.person.reportTitle')}: ${fullName(p)}`;
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{width:14rem;background:#f4f4f2;font-weight:600}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${esc(t('safety.person.reportIntro', { date: formatDate(data.exportedAt.slice(0, 10)) }))}</p>
<h2>${esc(t('safety.person.reportPerson'))}</h2>
<table>${rows({ ...p, ...(data.organization ? { organization: data.organization.name } : {}) })}</table>
<h2>${esc(t('safety.person.reportRecords'))}</h2>
${sections || `<p>${esc(t('safety.person.reportNone'))}</p>`}
</body></html>`;
}
