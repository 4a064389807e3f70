import type { Page } from '@playwright/test';

/**
 * Every visible button and link must be reachable: scrolled into view, the element at its
 * centre is the control itself (or inside it), so nothing covers or clips it; and the page
 * never scrolls sideways. Returns human-readable problems, empty when the screen is fine.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const label =
        el.getAttribute('aria-label') ??
        (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${label}"`;
    };
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const main = document.getElementById('main');
    if (main && main.scrollWidth > main.clientWidth + 1)
      problems.push(`main scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], [role="button"], [role="link"], summary',
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) continue;
      // Hidden ones (closed <details>, visibility) are not on screen; pointer-events: none
      // marks a part the pointer is meant to pass through (a drag handle inside its row).
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      if (getComputedStyle(el).pointerEvents === 'none') continue;
      if (el.closest('[aria-hidden="true"], .sr-only')) continue;
      // The skip link is meant to sit off-screen until focused.
      if (el.classList.contains('skip-link')) continue;
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
        problems.push(
          `${describe(el)} cannot be scrolled into view (${Math.round(x)},${Math.round(y)})`,
        );
        continue;
      }
      const hit = document.elementFromPoint(x, y);
      if (!hit || (hit !== el && !el.contains(hit)))
        problems.push(`${describe(el)} is covered by ${hit ? describe(hit) : 'nothing'}`);
    }
    window.scrollTo(0, 0);
    main?.scrollTo(0, 0);
    return problems;
  });
}
