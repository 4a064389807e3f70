// Display codes "1", "1.2", "1.2.3" (DOMAIN.md §5.2). The identity of an item is its id;
// the code is a derived display field. An override replaces the generated code of that item
// and becomes the prefix of its children. When a code changes on a plan that is no longer a
// draft, the old code is kept in `formerCodes` so earlier reports stay traceable.
import type { PlanItem, PlanLevel } from './model';

export type NumberedItem = Pick<PlanItem, 'id' | 'parentId' | 'level' | 'order' | 'codeOverride'>;

/**
 * Each parent's children, siblings by `order` (key '' = top level). Built once in one pass, so
 * every tree operation below is linear in the number of items, never a scan per item.
 */
export function childrenByParent<T extends NumberedItem>(items: readonly T[]): Map<string, T[]> {
  const children = new Map<string, T[]>();
  for (const item of items) {
    const key = item.parentId ?? '';
    const list = children.get(key);
    if (list) list.push(item);
    else children.set(key, [item]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return children;
}

/** Items in tree order: each parent followed by its children, siblings by `order`. */
export function treeOrder<T extends NumberedItem>(items: readonly T[]): T[] {
  const children = childrenByParent(items);
  const out: T[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string) => {
    for (const item of children.get(parentId) ?? []) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
      walk(item.id);
    }
  };
  walk('');
  return out;
}

/** Every item below `id` (children, their children …), in tree order. */
export function descendantsOf<T extends NumberedItem>(items: readonly T[], id: string): T[] {
  const children = childrenByParent(items);
  const out: T[] = [];
  const seen = new Set<string>([id]);
  const walk = (parentId: string) => {
    for (const c of children.get(parentId) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

export interface TreePlace {
  /** First / last among its siblings (the move buttons stop there). */
  first: boolean;
  last: boolean;
  children: number;
}

/** Where every item sits among its siblings and how many children it has, in one pass. */
export function treePlaces(items: readonly NumberedItem[]): Map<string, TreePlace> {
  const children = childrenByParent(items);
  const out = new Map<string, TreePlace>();
  for (const list of children.values())
    list.forEach((item, i) =>
      out.set(item.id, {
        first: i === 0,
        last: i === list.length - 1,
        children: children.get(item.id)?.length ?? 0,
      }),
    );
  return out;
}

/** Generated (or overridden) code of every item. */
export function computeCodes(items: readonly NumberedItem[]): Map<string, string> {
  const codes = new Map<string, string>();
  const siblingsSeen = new Map<string, number>();
  for (const item of treeOrder(items)) {
    const key = item.parentId ?? '';
    const index = (siblingsSeen.get(key) ?? 0) + 1;
    siblingsSeen.set(key, index);
    const parentCode = item.parentId ? codes.get(item.parentId) : undefined;
    const generated = parentCode ? `${parentCode}.${index}` : String(index);
    codes.set(item.id, item.codeOverride ?? generated);
  }
  return codes;
}

export interface CodeChange {
  id: string;
  code: string;
  formerCodes: string[];
}

/**
 * The code changes after an edit of the tree. `keepHistory` (plan approved or closed)
 * appends the previous code to `formerCodes`; a draft is renumbered freely.
 */
export function renumber(
  items: readonly (NumberedItem & Pick<PlanItem, 'code' | 'formerCodes'>)[],
  keepHistory: boolean,
): CodeChange[] {
  const codes = computeCodes(items);
  const out: CodeChange[] = [];
  for (const item of items) {
    const code = codes.get(item.id);
    if (code === undefined || code === item.code) continue;
    const formerCodes =
      keepHistory && item.code && !item.formerCodes.includes(item.code)
        ? [...item.formerCodes, item.code]
        : item.formerCodes;
    out.push({ id: item.id, code, formerCodes });
  }
  return out;
}

/** Depth of a dotted code: "1" → 1, "1.2" → 2, "1.2.3" → 3; other shapes → undefined. */
export function levelOfCode(code: string): PlanLevel | undefined {
  if (!/^\d+(\.\d+){0,2}$/.test(code)) return undefined;
  return code.split('.').length as PlanLevel;
}

/** Parent code of a dotted code: "1.2.3" → "1.2"; "1" → undefined. */
export function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf('.');
  return i > 0 ? code.slice(0, i) : undefined;
}

/** Natural comparison of codes: "1.10" after "1.9". */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'cs', { numeric: true });
}
