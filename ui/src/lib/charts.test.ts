import { describe, expect, it } from 'vitest';
import {
  addDays,
  barLength,
  cellAt,
  chartSpan,
  dateTicks,
  dayNumber,
  gridMax,
  gridPeak,
  heatLevel,
  linePath,
  linearScale,
  moodLevel,
  pointInChart,
  shadePaths,
  splitAtGaps,
  weekdayIndex,
  yearGrid,
} from './charts';

describe('day arithmetic', () => {
  it('counts days across months, leap years and DST', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-01-01', -365)).toBe('2024-01-02');
  });

  it('knows the weekday, Monday first', () => {
    expect(weekdayIndex('2024-01-01')).toBe(0); // a Monday
    expect(weekdayIndex('2025-11-30')).toBe(6); // a Sunday
    expect(weekdayIndex('1969-12-31')).toBe(2); // a Wednesday, before 1970
  });
});

describe('scales and paths', () => {
  it('maps a domain onto a range, even upside down', () => {
    const y = linearScale([1, 5], [200, 0]);
    expect(y(1)).toBe(200);
    expect(y(5)).toBe(0);
    expect(y(3)).toBe(100);
    expect(linearScale([4, 4], [0, 100])(4)).toBe(50);
  });

  it('starts an all-time chart at the first day with data', () => {
    const data = [{ day: '2025-03-04', value: 3 }];
    expect(chartSpan('2000-01-01', '2025-06-01', [[], data])).toEqual({
      start: '2025-03-04',
      end: '2025-06-01',
    });
    expect(chartSpan('2025-05-01', '2025-06-01', [[{ day: '2025-05-10', value: 3 }]]).start).toBe(
      '2025-05-10',
    );
    expect(chartSpan('2025-05-01', '2025-06-01', [])).toEqual({ start: '2025-05-01', end: '2025-06-01' });
  });

  it('spreads date labels evenly', () => {
    expect(dateTicks('2025-01-01', '2025-01-31', 4)).toEqual([
      '2025-01-01',
      '2025-01-11',
      '2025-01-21',
      '2025-01-31',
    ]);
    expect(dateTicks('2025-01-01', '2025-01-02', 4)).toEqual(['2025-01-01', '2025-01-02']);
    expect(dateTicks('2025-01-01', '2025-01-01')).toEqual(['2025-01-01']);
  });

  it('draws a path and breaks it at long gaps', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5.55, y: 2 },
      ]),
    ).toBe('M0,10L5.6,2');
    expect(linePath([])).toBe('');
    const segments = splitAtGaps([
      { day: '2025-01-01', value: 3 },
      { day: '2025-01-05', value: 4 },
      { day: '2025-02-01', value: 2 },
    ]);
    expect(segments.map((s) => s.length)).toEqual([2, 1]);
  });
});

describe('colour steps', () => {
  it('puts counts into four steps, zero kept apart', () => {
    expect(heatLevel(0, 8)).toBe(0);
    expect(heatLevel(1, 8)).toBe(1);
    expect(heatLevel(2, 8)).toBe(1);
    expect(heatLevel(3, 8)).toBe(2);
    expect(heatLevel(8, 8)).toBe(4);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('finds the largest and busiest cell', () => {
    const grid = Array.from({ length: 7 }, () => Array(24).fill(0) as number[]);
    expect(gridPeak(grid)).toBeNull();
    grid[4]![21] = 5;
    grid[0]![8] = 2;
    expect(gridMax(grid)).toBe(5);
    expect(gridPeak(grid)).toEqual({ weekday: 4, hour: 21, count: 5 });
  });

  it('rounds a mood average to a whole step', () => {
    expect(moodLevel(1.4)).toBe(1);
    expect(moodLevel(3.5)).toBe(4);
    expect(moodLevel(9)).toBe(5);
    expect(moodLevel(0)).toBe(1);
  });

  it('scales bars to the largest count', () => {
    expect(barLength(5, 10, 200)).toBe(100);
    expect(barLength(0, 10, 200)).toBe(0);
    expect(barLength(3, 0, 200)).toBe(0);
  });
});

describe('yearGrid', () => {
  it('lays out 365 days as Monday-first weeks ending today', () => {
    const weeks = yearGrid('2025-11-30', [{ day: '2025-11-29', value: 4.5 }]);
    const cells = weeks.flat().filter((c) => c !== null);
    expect(cells).toHaveLength(365);
    expect(cells[0]!.day).toBe('2024-12-01');
    expect(cells.at(-1)).toEqual({ day: '2025-11-30', value: null });
    expect(cells.at(-2)).toEqual({ day: '2025-11-29', value: 4.5 });
    // 2024-12-01 was a Sunday: the first week has six empty slots before it.
    expect(weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // 2025-11-30 is a Sunday, so the last week ends exactly on it.
    expect(weeks.at(-1)![6]!.day).toBe('2025-11-30');
  });
});

describe('grid cells', () => {
  const cell = (id: string, shade: string, x: number, y: number) => ({
    id,
    shade,
    x,
    y,
    width: 10,
    height: 10,
  });
  const cells = [cell('a', 'low', 0, 0), cell('b', 'high', 12, 0), cell('c', 'low', 0, 12)];

  it('draws every cell of a shade in one path of rounded squares', () => {
    const paths = shadePaths(cells, 2);
    expect(paths.map((p) => p.shade)).toEqual(['low', 'high']);
    const low = paths[0]!.d;
    expect(low.match(/M/g)).toHaveLength(2);
    expect(low.match(/a2,2 0 0 1/g), 'four rounded corners a square').toHaveLength(8);
    // The first square starts after its corner and goes round back to where it began.
    expect(
      low.startsWith('M2,0h6a2,2 0 0 1 2,2v6a2,2 0 0 1 -2,2h-6a2,2 0 0 1 -2,-2v-6a2,2 0 0 1 2,-2z'),
    ).toBe(true);
    expect(shadePaths([], 2)).toEqual([]);
    // A cell narrower than its corners: they shrink to half its width, as a rect's rx would.
    expect(shadePaths([{ ...cell('n', 'x', 0, 0), width: 2 }], 2)[0]!.d).toBe(
      'M1,0h0a1,1 0 0 1 1,1v8a1,1 0 0 1 -1,1h0a1,1 0 0 1 -1,-1v-8a1,1 0 0 1 1,-1z',
    );
  });

  it('finds the cell under a point, and the nearer one across a gap', () => {
    expect(cellAt(cells, 5, 5, 2)).toBe('a');
    expect(cellAt(cells, 12.5, 9, 2)).toBe('b');
    expect(cellAt(cells, 10.5, 3, 2), 'in the gap, nearer a').toBe('a');
    expect(cellAt(cells, 11.5, 3, 2), 'in the gap, nearer b').toBe('b');
    expect(cellAt(cells, 30, 30, 2), 'outside every cell').toBeNull();
  });

  it('turns a pointer on screen into the chart’s units', () => {
    const box = { left: 100, top: 50, width: 320, height: 80 };
    expect(pointInChart(box, 100, 50, 640, 160)).toEqual({ x: 0, y: 0 });
    expect(pointInChart(box, 260, 90, 640, 160)).toEqual({ x: 320, y: 80 });
    expect(pointInChart({ ...box, width: 0 }, 260, 90, 640, 160), 'not laid out yet').toBeNull();
  });
});
