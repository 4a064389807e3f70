import { describe, expect, it } from 'vitest';
import { carryOverItems } from './carryOver';
import { formatCzk } from './money';
import { item } from './testItems';

describe('carry-over to the next plan', () => {
  it('copies chosen activities with their ancestors, renumbered and linked to their origin', () => {
    const source = [
      item({ id: 'p1', level: 1, order: 1, code: '1' }),
      item({ id: 'm11', level: 2, order: 1, parentId: 'p1', code: '1.1' }),
      item({ id: 'a111', level: 3, order: 1, parentId: 'm11', code: '1.1.1' }),
      item({
        id: 'a112',
        level: 3,
        order: 2,
        parentId: 'm11',
        code: '1.1.2',
        costs: [{ year: 2026, source: 'mpsv', amount: 1 }],
        targetGroups: ['senioři'],
      }),
      item({ id: 'p2', level: 1, order: 2, code: '2' }),
      item({ id: 'm21', level: 2, order: 1, parentId: 'p2', code: '2.1' }),
      item({ id: 'a211', level: 3, order: 1, parentId: 'm21', code: '2.1.1' }),
    ];
    let n = 0;
    const out = carryOverItems(source, ['a112', 'a211', 'p1'], 'next', () => `n${++n}`, 'now');
    expect(out.map((i) => [i.code, i.originCode, i.planId])).toEqual([
      ['1', '1', 'next'],
      ['1.1', '1.1', 'next'],
      ['1.1.1', '1.1.2', 'next'],
      ['2', '2', 'next'],
      ['2.1', '2.1', 'next'],
      ['2.1.1', '2.1.1', 'next'],
    ]);
    const moved = out[2]!;
    expect(moved.originItemId).toBe('a112');
    expect(moved.parentId).toBe(out[1]!.id);
    expect(moved.costs).toEqual([]);
    expect(moved.targetGroups).toEqual(['senioři']);
  });

  it('formats money the Czech way', () => {
    expect(formatCzk(1_200_000)).toBe('1\u00a0200\u00a0000\u00a0Kč');
    expect(formatCzk(12.5)).toBe('12,50\u00a0Kč');
    expect(formatCzk(0)).toBe('0\u00a0Kč');
  });
});
