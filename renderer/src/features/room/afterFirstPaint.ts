import { startTransition, useEffect, useState } from 'react';

/**
 * False until the frame after `ready` first became true has been painted: parts of a screen
 * that are below the fold, or beside the content people look at first, render in the next
 * task, so the first frame comes sooner. Use it only where the late part moves nothing else.
 * The late render is a transition: React renders it in slices and lets clicks and keys in
 * between, so the screen answers while the late part is being built.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs before the paint; the task it queues runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
