import { describe, expect, it } from 'vitest';
import { importedLayout, parseCzechNumber, parseStructureRows } from './importRows';
import { parseCsv } from './parseCsv';

const ctx = {
  workingGroups: [
    { id: 'g1', code: 'PS1' },
    { id: 'g2', code: 'PS2' },
  ],
  periodFrom: 2026,
  periodTo: 2028,
};

const CSV = `Kód;Název;Cílové skupiny;Realizátor;Termín;Náklady (Kč/rok);Zdroj financování;Indikátor;Jednotka;Cílová hodnota;Pracovní skupina
1;Udržení sítě sociálních služeb;;;;;;;;;PS1
1.1;Zachování terénních služeb;;;;;;;;;
1.1.1;Pečovatelská služba ve všech obcích ORP;"senioři; osoby se zdravotním postižením";Pečovatelská služba Slušovice;2026–2028;1 200 000 Kč;dotace MPSV přes kraj;počet uživatelů;osob;120;PS1
1.1.2;Odlehčovací služba;pečující osoby;Charita Vizovice;2027;350000;rozpočet obcí;;;;
2;Rodiny s dětmi;;;;;;;;;PS2
2.1;Podpora rodin;;;;;;;;;
2.1.1;SAS pro rodiny;rodiny s dětmi;Azylový dům;2026-2027;;;;;;PS2
`;

describe('CSV structure import', () => {
  it('parses a semicolon CSV with Czech headers into a tree', () => {
    const rows = parseCsv(CSV);
    const r = parseStructureRows(rows, ctx);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.key, i.level, i.parentKey])).toEqual([
      ['1', 1, undefined],
      ['1.1', 2, '1'],
      ['1.1.1', 3, '1.1'],
      ['1.1.2', 3, '1.1'],
      ['2', 1, undefined],
      ['2.1', 2, '2'],
      ['2.1.1', 3, '2.1'],
    ]);
    const a = r.items[2]!;
    expect(a.card.targetGroups).toEqual(['senioři', 'osoby se zdravotním postižením']);
    expect(a.card.costs).toEqual(
      [2026, 2027, 2028].map((year) => ({ year, source: 'mpsv', amount: 1_200_000 })),
    );
    expect(a.card.indicators).toEqual([
      { id: 'i4', name: 'počet uživatelů', unit: 'osob', target: 120 },
    ]);
    expect(a.implementerNames).toEqual(['Pečovatelská služba Slušovice']);
    expect(r.items[0]!.workingGroupCode).toBe('PS1');
    expect(r.items[3]!.card.costs).toEqual([
      { year: 2027, source: 'municipality', amount: 350_000 },
    ]);
    expect([...importedLayout(r.items).values()].every((l) => l.codeOverride === undefined)).toBe(
      true,
    );
  });

  it('reports every bad row with its number and writes nothing', () => {
    const rows = parseCsv(
      [
        'Kód,Název,Náklady,Pracovní skupina',
        '1,Priorita,,',
        '1.1,,,', // no title
        '1.1.1,Aktivita,hodně peněz,', // bad cost
        '3.1,Osiřelé opatření,,', // parent 3 missing
        '1.1,Duplicitní,,PS9', // duplicate code + unknown group
      ].join('\n'),
    );
    const r = parseStructureRows(rows, ctx);
    expect(r.errors.map((e) => [e.row, e.key])).toEqual([
      [3, 'plan.importErrors.noTitle'],
      [4, 'plan.importErrors.noParent'],
      [4, 'plan.importErrors.badCost'],
      [5, 'plan.importErrors.noParent'],
      [6, 'plan.importErrors.duplicateCode'],
      [6, 'plan.importErrors.unknownGroup'],
    ]);
    expect(r.errors[2]!.params).toEqual({ value: 'hodně peněz' });
  });

  it('uses a level column when the file has no codes, and keeps unusual codes as overrides', () => {
    const rows = [
      ['Úroveň', 'Název', 'Kód'],
      ['priorita', 'Senioři', 'S'],
      ['opatření', 'Odlehčení', 'S 1'],
      ['aktivita', 'Rozšíření kapacity', ''],
      ['aktivita', 'Další', ''],
    ];
    const r = parseStructureRows(rows, ctx);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.parentKey)).toEqual([undefined, 'S', 'S 1', 'S 1']);
    const layout = importedLayout(r.items);
    expect(layout.get('S')).toEqual({ order: 1, codeOverride: 'S' });
    expect(layout.get('#4')).toEqual({ order: 1 });
    expect(layout.get('#5')).toEqual({ order: 2 });
  });

  it('a row with more cells than the header is reported (an unquoted separator)', () => {
    const r = parseStructureRows(parseCsv('Kód;Název\n1;Senioři; a OZP\n'), ctx);
    expect(r.errors).toEqual([
      { row: 2, key: 'plan.importErrors.tooManyCells', params: { count: 3, expected: 2 } },
    ]);
  });

  it('complains about a missing header', () => {
    expect(
      parseStructureRows(
        [
          ['Foo', 'Bar'],
          ['1', 'x'],
        ],
        ctx,
      ).errors.map((e) => e.key),
    ).toEqual(['plan.importErrors.noTitleColumn', 'plan.importErrors.noCodeColumn']);
  });

  it('reads Czech amounts', () => {
    expect(parseCzechNumber('1 200 000 Kč')).toBe(1_200_000);
    expect(parseCzechNumber('1\u00a0200\u00a0000')).toBe(1_200_000);
    expect(parseCzechNumber('12,50')).toBe(12.5);
    expect(parseCzechNumber('1,58 mil. Kč')).toBe(1_580_000);
    expect(parseCzechNumber('80 tis. Kč')).toBe(80_000);
    expect(parseCzechNumber('')).toBeUndefined();
    expect(parseCzechNumber('abc')).toBeNaN();
  });
});
