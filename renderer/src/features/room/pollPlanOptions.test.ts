import { describe, expect, it } from 'vitest';
import type { PlanItem } from '@shared/plan';
import { planOptionLines } from './pollPlanOptions';

const item = (id: string, level: 1 | 2 | 3, code: string, over: Partial<PlanItem> = {}) =>
  ({ id, level, code, title: `Item ${code}`, ...over }) as PlanItem;
const items = [
  item('p1', 1, '1', { workingGroupId: 'ps1' }),
  item('m11', 2, '1.1', { parentId: 'p1' }),
  item('a111', 3, '1.1.1', { parentId: 'm11' }),
  item('p2', 1, '2', { workingGroupId: 'ps2' }),
  item('m21', 2, '2.1', { parentId: 'p2' }),
  item('m22', 2, '2.2', { parentId: 'p2', workingGroupId: 'ps1' }),
  item('a221', 3, '2.2.1', { parentId: 'm22' }),
];

describe('options from the plan for a working group', () => {
  it("offers the group's own measures and activities, inherited from its priorities", () => {
    expect(planOptionLines(items, 'ps1', 2, false)).toEqual(['1.1 Item 1.1', '2.2 Item 2.2']);
    expect(planOptionLines(items, 'ps1', 3, false)).toEqual([
      '1.1.1 Item 1.1.1',
      '2.2.1 Item 2.2.1',
    ]);
    expect(planOptionLines(items, 'ps2', 2, false)).toEqual(['2.1 Item 2.1']);
  });

  it('offers the whole plan on request, or without a group', () => {
    expect(planOptionLines(items, 'ps1', 2, true)).toHaveLength(3);
    expect(planOptionLines(items, undefined, 1, false)).toEqual(['1 Item 1', '2 Item 2']);
  });
});
