import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCodes,
  computeCodes,
  levelOfCode,
  parentCode,
  renumber,
  treeOrder,
} from './numbering';
import { item } from './testItems';

const tree = () => [
  item({ id: 'b', level: 1, order: 2 }),
  item({ id: 'a', level: 1, order: 1 }),
  item({ id: 'a1', level: 2, order: 1, parentId: 'a' }),
  item({ id: 'a2', level: 2, order: 2, parentId: 'a' }),
  item({ id: 'a21', level: 3, order: 1, parentId: 'a2' }),
  item({ id: 'a22', level: 3, order: 2, parentId: 'a2' }),
  item({ id: 'b1', level: 2, order: 1, parentId: 'b' }),
];

describe('numbering', () => {
  it('generates dotted codes in tree order', () => {
    const codes = computeCodes(tree());
    expect(Object.fromEntries(codes)).toEqual({
      a: '1',
      a1: '1.1',
      a2: '1.2',
      a21: '1.2.1',
      a22: '1.2.2',
      b: '2',
      b1: '2.1',
    });
    expect(treeOrder(tree()).map((i) => i.id)).toEqual(['a', 'a1', 'a2', 'a21', 'a22', 'b', 'b1']);
  });

  it('an override replaces the code and prefixes the children', () => {
    const items = tree().map((i) => (i.id === 'a2' ? { ...i, codeOverride: 'S 1.4' } : i));
    const codes = computeCodes(items);
    expect(codes.get('a2')).toBe('S 1.4');
    expect(codes.get('a21')).toBe('S 1.4.1');
  });

  it('renumbering an approved plan keeps former codes; a draft does not', () => {
    const items = tree().map((i) => ({ ...i, code: computeCodes(tree()).get(i.id)! }));
    // a new measure goes first under priority 1: 1.1 → 1.2, 1.2 → 1.3 …
    const moved = items.map((i) => (i.parentId === 'a' ? { ...i, order: i.order + 1 } : i));
    moved.push({ ...item({ id: 'a0', level: 2, order: 1, parentId: 'a' }), code: '' });
    const approved = Object.fromEntries(renumber(moved, true).map((c) => [c.id, c]));
    expect(approved.a1).toEqual({ id: 'a1', code: '1.2', formerCodes: ['1.1'] });
    expect(approved.a21).toEqual({ id: 'a21', code: '1.3.1', formerCodes: ['1.2.1'] });
    expect(approved.a0).toEqual({ id: 'a0', code: '1.1', formerCodes: [] });
    expect(approved.b).toBeUndefined();
    const draft = Object.fromEntries(renumber(moved, false).map((c) => [c.id, c]));
    expect(draft.a1?.formerCodes).toEqual([]);
  });

  it('reads levels and parents of dotted codes', () => {
    expect(levelOfCode('1')).toBe(1);
    expect(levelOfCode('1.2.3')).toBe(3);
    expect(levelOfCode('1.2.3.4')).toBeUndefined();
    expect(levelOfCode('S 1.1')).toBeUndefined();
    expect(parentCode('1.2.3')).toBe('1.2');
    expect(parentCode('1')).toBeUndefined();
    expect(['1.10', '1.9', '2', '1.2.1'].sort(compareCodes)).toEqual(['1.2.1', '1.9', '1.10', '2']);
  });

  it('property: codes are unique, and every child code starts with its parent code', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (shape) => {
          const items = [];
          let n = 0;
          for (const [measures, activities] of shape) {
            const p = item({ id: `p${n++}`, level: 1, order: n });
            items.push(p);
            for (let m = 1; m <= measures; m++) {
              const mi = item({ id: `m${n++}`, level: 2, order: m, parentId: p.id });
              items.push(mi);
              for (let a = 1; a <= activities; a++)
                items.push(item({ id: `a${n++}`, level: 3, order: a, parentId: mi.id }));
            }
          }
          const codes = computeCodes(items);
          expect(new Set(codes.values()).size).toBe(items.length);
          for (const i of items)
            if (i.parentId)
              expect(codes.get(i.id)!.startsWith(codes.get(i.parentId)! + '.')).toBe(true);
        },
      ),
    );
  });
});
