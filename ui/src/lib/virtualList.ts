// Windowing for long lists: only the rows on screen (plus a few either side) are rendered,
// so ten years of entries scroll as smoothly as ten. Rows have a fixed height.

export interface VisibleRange {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
  /** Space above the first rendered row, in px. */
  before: number;
  /** Space below the last rendered row, in px. */
  after: number;
}

export interface RangeInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan?: number;
}

export function visibleRange({
  count,
  rowHeight,
  scrollTop,
  viewportHeight,
  overscan = 5,
}: RangeInput): VisibleRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/** Total height of the list, in px. */
export function totalHeight(count: number, rowHeight: number): number {
  return Math.max(0, count) * rowHeight;
}

/** True when the viewport's bottom is within `threshold` rows of the end (time to load more). */
export function nearEnd(range: VisibleRange, count: number, threshold = 10): boolean {
  return count > 0 && range.end >= count - threshold;
}

/** The scrollTop that brings row `index` fully into view, or null if it already is. */
export function scrollToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return null;
}
