// Options "from the plan" for a poll: a working group votes on its own part of the plan.
import type { PlanItem } from '@shared/plan';

/**
 * Items of `level` that belong to the working group: assigned to it, or under an item assigned
 * to it (an activity of the group's measure) and not assigned elsewhere. Tree order is kept.
 */
export function groupPlanItems(
  items: readonly PlanItem[],
  groupId: string,
  level: number,
): PlanItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  // The nearest assignment wins: an item's own group, else its measure's, else its priority's.
  const belongs = (item: PlanItem | undefined): boolean => {
    for (let i = item, depth = 0; i && depth < 5; i = byId.get(i.parentId ?? ''), depth++) {
      if (i.workingGroupId) return i.workingGroupId === groupId;
    }
    return false;
  };
  return items.filter((i) => i.level === level && belongs(i));
}

/** Option lines "code title" of the chosen level: the group's own items unless `all`. */
export function planOptionLines(
  items: readonly PlanItem[],
  groupId: string | undefined,
  level: number,
  all: boolean,
): string[] {
  const chosen =
    all || !groupId
      ? items.filter((i) => i.level === level)
      : groupPlanItems(items, groupId, level);
  return chosen.map((i) => `${i.code} ${i.title}`);
}
