// A live query that re-renders only when its answer changes. dexie-react-hooks' useLiveQuery
// re-renders on every re-run, and a query re-runs whenever a write touches what it read: in the
// meeting room every save of the minutes would re-render every panel that reads the programme.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

const isPlain = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/**
 * `next`, with every part that equals the same part of `prev` replaced by `prev`'s: an answer
 * with the same data is `prev` itself, and a changed answer keeps the identity of its unchanged
 * records, so memoized panels that get them skip rendering.
 */
export function share<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((x: unknown, i) => {
      const s = share(prev[i], x);
      if (s !== prev[i]) same = false;
      return s;
    });
    return (same ? prev : out) as T;
  }
  if (prev instanceof Map && next instanceof Map) {
    let same = prev.size === next.size;
    const out = new Map();
    for (const [k, v] of next as Map<unknown, unknown>) {
      const s = share(prev.get(k), v);
      if (!prev.has(k) || s !== prev.get(k)) same = false;
      out.set(k, s);
    }
    return (same ? prev : out) as T;
  }
  if (prev instanceof Set && next instanceof Set)
    return (
      prev.size === next.size && [...(next as Set<unknown>)].every((x) => prev.has(x)) ? prev : next
    ) as T;
  if (isPlain(prev) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const s = share(prev[k], next[k]);
      if (!(k in prev) || s !== prev[k]) same = false;
      out[k] = s;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

interface Held<T> {
  key: string;
  value?: T;
  error?: unknown;
}

/**
 * Like useLiveQuery, but the answer keeps its identity (and the component does not re-render)
 * while a re-run finds the same data. `undefined` until the first answer for the current deps.
 * Errors are thrown during render, as useLiveQuery does, for the error boundary.
 */
export function useLiveValue<T>(
  query: () => Promise<T> | T,
  deps: readonly (string | number | boolean | null | undefined)[],
): T | undefined {
  const key = JSON.stringify(deps);
  const [held, setHeld] = useState<Held<T>>({ key });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) =>
        setHeld((prev) => {
          if (prev.key !== key || !('value' in prev)) return { key, value };
          const shared = share(prev.value, value);
          return shared === prev.value ? prev : { key, value: shared };
        }),
      error: (error: unknown) => setHeld({ key, error }),
    });
    return () => subscription.unsubscribe();
    // The deps stand for the query (as with useLiveQuery); `key` is their value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (held.key !== key) return undefined;
  if ('error' in held) throw held.error;
  return held.value;
}
