// Counts React renders per component in the production bundle, for tests that a change renders
// only what it should. It stands in for the React DevTools hook, which React calls on every
// commit: a function component rendered when its fiber is new or did work (PerformedWork);
// a subtree whose child list did not change was not visited at all. Components are named by
// their displayName (kept through minification by the components the tests count).

export interface RenderCounts {
  commits: number;
  byName: Record<string, number>;
}

/** Installs the counter; pass to page.addInitScript before the app loads. */
export function installRenderCounter() {
  const counts: RenderCounts = { commits: 0, byName: {} };
  (window as unknown as { __renderCounts: RenderCounts }).__renderCounts = counts;
  interface Fiber {
    tag: number;
    flags: number;
    alternate: Fiber | null;
    child: Fiber | null;
    sibling: Fiber | null;
    type?: { displayName?: string } | null;
    elementType?: { displayName?: string } | null;
  }
  // FunctionComponent, ForwardRef, MemoComponent, SimpleMemoComponent.
  const components = new Set([0, 11, 14, 15]);
  const walk = (next: Fiber) => {
    const prev = next.alternate;
    if (components.has(next.tag) && (!prev || (next.flags & 1) === 1)) {
      const name = next.elementType?.displayName ?? next.type?.displayName;
      if (name) counts.byName[name] = (counts.byName[name] ?? 0) + 1;
    }
    if (prev && next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) walk(c);
  };
  (
    window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }
  ).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      counts.commits++;
      walk(root.current);
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
}

/** Reads and resets the counts. */
export function takeRenderCounts(): RenderCounts {
  const w = window as unknown as { __renderCounts: RenderCounts };
  const out = { commits: w.__renderCounts.commits, byName: { ...w.__renderCounts.byName } };
  w.__renderCounts.commits = 0;
  w.__renderCounts.byName = {};
  return out;
}
