// The generated ten-year region (tests/bench/fixtures.ts) is deterministic, has the size the
// benchmarks promise, and is data the app would accept: polls agree with their ballots,
// references hold, and records pass the restore's schemas. (The whole file goes through the
// real restore screen in `npm run bench`; a full inspectBackup here would take half a minute.)
import { describe, expect, it } from 'vitest';
import { pollConsistencyIssues, REFERENCES, schemaFor } from '@shared/backup';
import { buildRegion } from './fixtures';
import { regionData } from './regionBackup';

const region = buildRegion();
const data = regionData(region);

describe('the ten-year region', () => {
  it('is the same on every run', () => {
    const again = buildRegion();
    expect(again.meetings).toEqual(region.meetings);
    expect(again.ballots.slice(0, 500)).toEqual(region.ballots.slice(0, 500));
    expect(again.planItems).toEqual(region.planItems);
  });

  it('has the size of a region after ten years', () => {
    expect(region.people).toHaveLength(400);
    expect(region.meetings).toHaveLength(1200);
    expect(region.attendance.length).toBeGreaterThan(28_000);
    expect(region.attendance.length).toBeLessThan(32_000);
    expect(region.ballots.length).toBeGreaterThan(38_000);
    expect(region.ballots.length).toBeLessThan(46_000);
    expect(region.plans).toHaveLength(3);
    for (const plan of region.plans)
      expect(region.planItems.filter((i) => i.planId === plan.id && i.level === 3)).toHaveLength(
        150,
      );
    expect(region.tasks.length).toBeGreaterThan(3_500);
    expect(region.tasks.filter((t) => t.status === 'open' || t.status === 'ongoing')).toHaveLength(
      387,
    );
    expect(region.agendaItems.filter((i) => i.meetingId === region.longMeetingId)).toHaveLength(30);
  });

  it('holds every table of the app and only references that exist', () => {
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['people', 'ballots', 'planItems']));
    const ids = new Map(
      Object.entries(data).map(([t, rows]) => [t, new Set(rows.map((r) => r.id))]),
    );
    const dangling: string[] = [];
    for (const ref of REFERENCES)
      for (const rec of data[ref.table] ?? []) {
        const v = rec[ref.field];
        if (typeof v === 'string' && v && !ids.get(ref.target)!.has(v))
          dangling.push(`${ref.table}.${ref.field} ${v}`);
      }
    expect(dangling).toEqual([]);
  });

  it('passes the restore schemas and the polls agree with their ballots', () => {
    for (const [table, rows] of Object.entries(data))
      for (const rec of rows.filter((_, i) => i % 97 === 0)) {
        const r = schemaFor(table).safeParse(rec);
        expect(r.success, `${table} ${String(rec.id)}: ${JSON.stringify(r.error?.issues[0])}`).toBe(
          true,
        );
      }
    const sample = {
      polls: data.polls!.slice(0, 200),
      ballots: data.ballots!.filter((b) =>
        data.polls!.slice(0, 200).some((p) => p.id === b.pollId),
      ),
    };
    expect(pollConsistencyIssues(sample, 10)).toEqual([]);
  });
});
