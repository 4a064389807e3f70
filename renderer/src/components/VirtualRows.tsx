// The one way Triáda shows a long list: a table body or a <ul> that renders only the rows near
// the screen once the list is longer than VIRTUAL_FROM (a region's ten years: 400 people,
// 1,200 meetings, 150 activities a plan). Shorter lists render every row, exactly as before.
//
// The page itself scrolls (the window), so the rows are placed with spacers above and below
// them in the same table or list: native table semantics, sticky headers and column sorting
// stay as they were. Screen readers get the full size (aria-rowcount / aria-rowindex on tables,
// aria-setsize / aria-posinset on lists). Keyboard: Tab walks row by row (the row that gets
// focus scrolls into view and the rows after it appear), the focused row is never unmounted,
// and Ctrl+Home / Ctrl+End jump to the first and last row.
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** Lists up to this many rows render every row (as they always did). */
export const VIRTUAL_FROM = 100;

type Kind = 'table' | 'list';

export interface VirtualRowsOptions {
  kind: Kind;
  /** Expected row height in px before a row is measured. */
  estimateSize: number;
  /** Header rows above the first body row (aria-rowindex of a table starts after them). */
  headerRows?: number;
  /** Anything that changes the header's text (the language): column widths are measured again. */
  layoutKey?: string;
}

const FOCUSABLE = 'a[href], button:not(:disabled), input, select, textarea, [tabindex]';

/**
 * Where each screen's list began on the page the last time it was shown (the header and the
 * toolbar above it rarely change): the first render then already picks the rows that fill the
 * window, instead of rendering the rows for a list at the top of the page and again for the
 * list where it is, before the first frame.
 */
const lastMargins = new Map<string, number>();
const screenKey = (kind: Kind) => `${kind} ${window.location.hash.split('?')[0]}`;

export function useVirtualRows(count: number, options: VirtualRowsOptions) {
  const { kind, estimateSize, headerRows = 1, layoutKey = '' } = options;
  const virtual = count > VIRTUAL_FROM;
  const bodyRef = useRef<HTMLElement | null>(null);
  const focused = useRef<number | null>(null);
  const [marginKey] = useState(() => screenKey(kind));
  const [margin, setMargin] = useState(() => lastMargins.get(marginKey) ?? 0);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const [viewportWidth, setViewportWidth] = useState(() => window.innerWidth);

  // Where the first row starts on the page: whatever sits above the list may grow or shrink.
  useLayoutEffect(() => {
    if (!virtual) return;
    const measure = () => {
      const el = bodyRef.current;
      if (!el) return;
      const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
      lastMargins.set(marginKey, top);
      setMargin((m) => (Math.abs(m - top) > 1 ? top : m));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    const onResize = () => setViewportWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [virtual, marginKey]);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const f = focused.current;
    // Keep the focused row mounted when it scrolls away, so focus is never dropped to <body>.
    if (f !== null && f < range.count && !indexes.includes(f)) {
      indexes.push(f);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateSize,
    overscan: 6,
    scrollMargin: margin,
    // Where the list begins known (this screen was shown before): the window's size from the
    // start too, so the first render already picks the rows that fill it (the default, an
    // empty window, renders no rows and then renders again once the window is measured).
    initialRect: lastMargins.has(marginKey)
      ? { width: window.innerWidth, height: window.innerHeight }
      : { width: 0, height: 0 },
    enabled: virtual,
    rangeExtractor,
  });

  // Measured once rows exist: the virtualizer knows the window only after its first render.
  const hasRows = (virtual ? virtualizer.getVirtualItems().length : count) > 0;
  // Long tables: the columns keep the widths they had when the list first showed, so they do
  // not jump as other rows scroll in (auto table layout sizes columns by the rendered rows).
  useLayoutEffect(() => {
    const table = kind === 'table' ? bodyRef.current?.closest('table') : null;
    const head = table?.tHead?.rows[0];
    if (!table || !head) return;
    const cells = [...head.cells];
    table.style.tableLayout = '';
    for (const c of cells) c.style.width = '';
    table.classList.remove('fixed-columns');
    if (!virtual) return;
    const widths = cells.map((c) => c.getBoundingClientRect().width);
    cells.forEach((c, i) => (c.style.width = `${widths[i]}px`));
    table.style.tableLayout = 'fixed';
    table.classList.add('fixed-columns');
  }, [kind, virtual, viewportWidth, layoutKey, hasRows]);

  // Ctrl+Home / Ctrl+End: the row is scrolled into place first, then focused once it exists.
  useEffect(() => {
    if (pendingFocus === null) return;
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const row = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus}"]`);
      if (row) {
        const target = row.matches(FOCUSABLE) ? row : row.querySelector<HTMLElement>(FOCUSABLE);
        (target ?? row).focus();
        setPendingFocus(null);
      } else if (frames++ < 30) handle = requestAnimationFrame(tryFocus);
      else setPendingFocus(null);
    };
    tryFocus();
    return () => cancelAnimationFrame(handle);
  }, [pendingFocus]);

  const indexOf = (el: EventTarget | null): number | null => {
    const row = el instanceof Element ? el.closest<HTMLElement>('[data-index]') : null;
    return row ? Number(row.dataset.index) : null;
  };

  const setBody = useCallback((el: HTMLElement | null) => {
    bodyRef.current = el;
  }, []);
  const containerProps = {
    ref: setBody,
    onFocus: (e: FocusEvent) => {
      focused.current = indexOf(e.target);
    },
    onBlur: (e: FocusEvent) => {
      if (!bodyRef.current?.contains(e.relatedTarget as Node | null)) focused.current = null;
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.key !== 'Home' && e.key !== 'End')) return;
      if ((e.target as Element).closest('input, textarea, select, [contenteditable="true"]'))
        return;
      e.preventDefault();
      const index = e.key === 'Home' ? 0 : count - 1;
      if (virtual) virtualizer.scrollToIndex(index);
      setPendingFocus(index);
    },
  };

  return {
    kind,
    count,
    virtual,
    virtualizer,
    containerProps,
    /** On the <table> (a list's <ul> gets the size on each item). */
    tableProps: virtual && kind === 'table' ? { 'aria-rowcount': count + headerRows } : {},
    className: virtual ? 'virtual-rows' : '',
    headerRows,
  };
}

export type VirtualRowsState = ReturnType<typeof useVirtualRows>;

/** What every rendered row spreads on its <tr> or <li>. */
export interface RowProps {
  'data-index': number;
  ref?: (el: Element | null) => void;
  'aria-rowindex'?: number;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

/**
 * The rows of a long list: `row(index, props)` renders one (with its own key and the props
 * spread on the <tr>/<li>); spacers fill the height of the rows that are not rendered.
 */
export function VirtualRows({
  list,
  columns = 1,
  row,
}: {
  list: VirtualRowsState;
  /** Cells per table row, for the spacer rows. */
  columns?: number;
  row: (index: number, props: RowProps) => ReactNode;
}) {
  const { kind, count, virtual, virtualizer, headerRows } = list;
  if (!virtual) return Array.from({ length: count }, (_, i) => row(i, { 'data-index': i }));
  const margin = virtualizer.options.scrollMargin;
  const spacer = (key: string, height: number) =>
    height <= 0 ? null : kind === 'table' ? (
      <tr key={key} className="virtual-spacer" aria-hidden="true">
        <td colSpan={columns} style={{ height }} />
      </tr>
    ) : (
      <li key={key} className="virtual-spacer" aria-hidden="true" style={{ height }} />
    );
  const out: ReactNode[] = [];
  let cursor = 0;
  for (const item of virtualizer.getVirtualItems()) {
    const start = item.start - margin;
    out.push(spacer(`gap-${item.index}`, start - cursor));
    const props: RowProps = { 'data-index': item.index, ref: virtualizer.measureElement };
    if (kind === 'table') props['aria-rowindex'] = item.index + 1 + headerRows;
    else {
      props['aria-setsize'] = count;
      props['aria-posinset'] = item.index + 1;
    }
    out.push(row(item.index, props));
    cursor = Math.max(cursor, item.end - margin);
  }
  out.push(spacer('gap-end', virtualizer.getTotalSize() - cursor));
  return out;
}
