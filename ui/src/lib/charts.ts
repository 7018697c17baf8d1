// The maths behind the Insights charts: day arithmetic, scales, paths, colour steps and the
// year grid. Pure functions only; the chart components just draw what these return.
import type { DayValue } from './bindings';

/** Days since 1970-01-01 for a local date "YYYY-MM-DD" (calendar maths, no time zones). */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

export function dayFromNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/** Maps a domain onto a range in a straight line; a single-value domain maps to the middle. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * The days a time chart spans: up to `to`, starting at `from` or, when the data starts later
 * (an all-time view), at the first day with data, so the points are not squeezed to one side.
 */
export function chartSpan(from: string, to: string, series: DayValue[][]): { start: string; end: string } {
  let first: string | null = null;
  for (const values of series) {
    for (const v of values) if (first === null || v.day < first) first = v.day;
  }
  const start = first !== null && first > from && first <= to ? first : from;
  return { start, end: to };
}

/** Evenly spaced days for the x axis labels, first and last included, no repeats. */
export function dateTicks(start: string, end: string, count = 4): string[] {
  const a = dayNumber(start);
  const b = dayNumber(end);
  if (b <= a || count < 2) return [start];
  const ticks: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = dayFromNumber(Math.round(a + ((b - a) * i) / (count - 1)));
    if (!ticks.includes(day)) ticks.push(day);
  }
  return ticks;
}

export interface Point {
  x: number;
  y: number;
}

/** An SVG path through the points: "M10,20L30,40". */
export function linePath(points: readonly Point[]): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join('');
}

/** Splits a series where more than `maxGap` days have no value, so a line never bridges a long silence. */
export function splitAtGaps(values: readonly DayValue[], maxGap = 7): DayValue[][] {
  const segments: DayValue[][] = [];
  let previous: number | null = null;
  for (const v of values) {
    const n = dayNumber(v.day);
    if (previous === null || n - previous > maxGap) segments.push([]);
    segments.at(-1)!.push(v);
    previous = n;
  }
  return segments;
}

/** The colour step (0 = none, 1 … steps) for a count, relative to the largest count. */
export function heatLevel(count: number, max: number, steps = 4): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(steps, Math.max(1, Math.ceil((count / max) * steps)));
}

export function gridMax(grid: readonly (readonly number[])[]): number {
  let max = 0;
  for (const row of grid) for (const n of row) max = Math.max(max, n);
  return max;
}

/** The busiest weekday (0 = Monday) and hour, or null when every cell is empty. */
export function gridPeak(
  grid: readonly (readonly number[])[],
): { weekday: number; hour: number; count: number } | null {
  let best: { weekday: number; hour: number; count: number } | null = null;
  grid.forEach((row, weekday) =>
    row.forEach((count, hour) => {
      if (count > 0 && (!best || count > best.count)) best = { weekday, hour, count };
    }),
  );
  return best;
}

/** A daily mood average (1 to 5) as a whole step 1 … 5. */
export function moodLevel(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}

export interface YearCell {
  day: string;
  /** The mood that day, or null when none was logged. */
  value: number | null;
}

/**
 * The `days` days ending at `end` as weeks (columns) of seven slots, Monday first. Slots
 * before the first day or after `end` are null.
 */
export function yearGrid(
  end: string,
  values: readonly DayValue[],
  days = 365,
): Array<Array<YearCell | null>> {
  const byDay = new Map(values.map((v) => [v.day, v.value]));
  const last = dayNumber(end);
  const first = last - days + 1;
  const gridStart = first - weekdayIndex(dayFromNumber(first));
  const weeks: Array<Array<YearCell | null>> = [];
  for (let weekStart = gridStart; weekStart <= last; weekStart += 7) {
    const week: Array<YearCell | null> = [];
    for (let i = 0; i < 7; i++) {
      const n = weekStart + i;
      if (n < first || n > last) {
        week.push(null);
      } else {
        const day = dayFromNumber(n);
        week.push({ day, value: byDay.get(day) ?? null });
      }
    }
    weeks.push(week);
  }
  return weeks;
}

/** The length of a bar for `count`, out of `width` for the largest count. */
export function barLength(count: number, max: number, width: number): number {
  if (max <= 0 || count <= 0) return 0;
  return (count / max) * width;
}

/** A square of a grid chart, in the chart's own units; `id` names it to its tooltip. */
export interface GridCell {
  id: string;
  /** Its class: every cell of one shade is drawn as one path. */
  shade: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

// Two decimals are finer than a pixel at any size the charts are drawn, and keep paths short.
const unit = (n: number) => Math.round(n * 100) / 100;

function roundedSquare({ x, y, width, height }: GridCell, radius: number): string {
  // As an SVG rect's rx is, the corners are kept to half the smaller side.
  const r = Math.min(radius, width / 2, height / 2);
  const w = unit(width - 2 * r);
  const h = unit(height - 2 * r);
  const arc = (dx: number, dy: number) => `a${r},${r} 0 0 1 ${dx},${dy}`;
  return `M${unit(x + r)},${unit(y)}h${w}${arc(r, r)}v${h}${arc(-r, r)}h${-w}${arc(-r, -r)}v${-h}${arc(r, -r)}z`;
}

/**
 * The cells as one SVG path per shade, squares with corners rounded by `radius`. A rect per
 * cell was 365 elements for a year and 168 for the heatmap: three quarters of Insights'
 * elements, which the page built and laid out each time it opened.
 */
export function shadePaths(cells: readonly GridCell[], radius: number): Array<{ shade: string; d: string }> {
  const byShade = new Map<string, string[]>();
  for (const cell of cells) {
    const squares = byShade.get(cell.shade) ?? [];
    squares.push(roundedSquare(cell, radius));
    byShade.set(cell.shade, squares);
  }
  return [...byShade].map(([shade, squares]) => ({ shade, d: squares.join('') }));
}

/**
 * The id of the cell at a point of the chart (in its units), or null. A cell reaches halfway
 * across the gap around it, so the tooltip does not flicker off between two cells.
 */
export function cellAt(cells: readonly GridCell[], x: number, y: number, gap: number): string | null {
  const reach = gap / 2;
  const hit = cells.find(
    (c) => x >= c.x - reach && x < c.x + c.width + reach && y >= c.y - reach && y < c.y + c.height + reach,
  );
  return hit?.id ?? null;
}

/**
 * A pointer's place in a chart drawn `width` by `height` units into `box` (the drawing's box
 * on screen, kept to the chart's proportions), or null while the drawing has no size.
 */
export function pointInChart(
  box: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
  width: number,
  height: number,
): { x: number; y: number } | null {
  if (box.width <= 0 || box.height <= 0) return null;
  return {
    x: ((clientX - box.left) / box.width) * width,
    y: ((clientY - box.top) / box.height) * height,
  };
}
