import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/journal');

import * as journal from '../../lib/ipc/journal';
import * as fixtures from '../../testing/journal';
import { deferred } from '../../testing/deferred';
import { IpcError } from '../../lib/ipc/IpcError';
import type { Insights as InsightsData } from '../../lib/bindings';
import Insights from './Insights.svelte';
import { yearGrid } from '../../lib/charts';
import { settle, withHeldPaint } from '../../testing/heldPaint';

/** How many squares the paths matching `selector` draw (each square is one `M` of a path). */
function squares(chart: HTMLElement, selector: string): number {
  const paths = [...chart.querySelectorAll(`.drawing ${selector}`)];
  return paths.reduce((n, path) => n + (path.getAttribute('d')?.match(/M/g)?.length ?? 0), 0);
}

/** Moves the pointer to a point of a chart, in its units (the drawing shown at 1:1). */
async function pointAt(svg: Element, { x, y }: { x: number; y: number }) {
  const [, , width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  svg.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width, height });
  await fireEvent.pointerMove(svg, { clientX: x, clientY: y });
}

const NOW = new Date(2025, 5, 15, 9, 0); // 15 June 2025
const CHARTS = [
  'chart-mood',
  'chart-craving',
  'chart-emotions',
  'chart-triggers',
  'chart-heatmap',
  'chart-year',
];

function setup() {
  const onNavigate = vi.fn();
  const user = userEvent.setup();
  render(Insights, { onNavigate, now: NOW });
  return { user, onNavigate };
}

describe('Insights', () => {
  beforeEach(() => {
    vi.mocked(journal.getInsights).mockResolvedValue(fixtures.insights());
  });

  it('starts with the last 30 days, today included', async () => {
    setup();
    await screen.findByTestId('insights-summary');
    expect(journal.getInsights).toHaveBeenCalledWith('2025-05-17', '2025-06-15');
    expect((screen.getByTestId('insights-range') as HTMLSelectElement).value).toBe('30');
  });

  it('asks for the right dates when the period changes', async () => {
    const { user } = setup();
    await screen.findByTestId('insights-summary');
    const range = screen.getByTestId('insights-range');
    await user.selectOptions(range, 'Last 90 days');
    expect(journal.getInsights).toHaveBeenLastCalledWith('2025-03-18', '2025-06-15');
    await user.selectOptions(range, 'Last year');
    expect(journal.getInsights).toHaveBeenLastCalledWith('2024-06-16', '2025-06-15');
    await user.selectOptions(range, 'All time');
    // From 2000-01-01, as far back as the backend accepts (20 × 366 days).
    expect(journal.getInsights).toHaveBeenLastCalledWith('2000-01-01', '2025-06-15');
    expect(journal.getInsights).toHaveBeenCalledTimes(4);
  });

  it('lists the findings as sentences, with the summary', async () => {
    setup();
    const findings = await screen.findByTestId('insights-findings');
    expect(
      within(findings)
        .getAllByTestId('insights-finding')
        .map((f) => f.textContent),
    ).toEqual([
      'On days you were tired your mood averaged 2.5, against 3.8 on other days (4 vs 9 days).',
      'Your cravings peak between 9 and 11 pm (5 of 8 cravings).',
    ]);
    // The paragraph above says what was logged; the findings are said once, in the list.
    expect(screen.getByTestId('insights-summary').textContent).toBe(
      'Moods were logged on 3 days, averaging 3.2 out of 5. 3 cravings were logged. ' +
        'The most frequent trigger was Stress (2 times).',
    );
  });

  it('draws what stands out and the mood chart first, the charts below them after that first paint', () =>
    withHeldPaint(async (frames) => {
      setup();
      await screen.findByTestId('insights-summary');
      expect(screen.getByTestId('chart-mood')).toBeTruthy();
      await settle();
      expect(frames.held(), 'a frame was asked for').toBeGreaterThan(0);
      for (const id of CHARTS.filter((id) => id !== 'chart-mood'))
        expect(screen.queryByTestId(id), id).toBeNull();
      frames.paint();
      expect(await screen.findByTestId('chart-year')).toBeTruthy();
      for (const id of CHARTS) expect(screen.getByTestId(id), id).toBeTruthy();
    }));

  it('describes every chart in words, tied to its drawing', async () => {
    setup();
    await screen.findByTestId('chart-year'); // the last chart, drawn after the first paint
    for (const id of CHARTS) {
      const chart = screen.getByTestId(id);
      const svg = chart.querySelector('svg[role="img"]')!;
      expect(svg, id).not.toBeNull();
      const described = document.getElementById(svg.getAttribute('aria-describedby') ?? '');
      expect(described, id).not.toBeNull();
      expect(chart.contains(described)).toBe(true);
      expect(described!.textContent!.trim().length, id).toBeGreaterThan(20);
      const label = document.getElementById(svg.getAttribute('aria-labelledby') ?? '');
      expect(label?.textContent?.trim(), id).toBeTruthy();
    }
    expect(within(screen.getByTestId('chart-mood')).getByTestId('chart-summary').textContent).toContain(
      'Mood was logged on 3 days',
    );
    expect(within(screen.getByTestId('chart-triggers')).getByTestId('chart-summary').textContent).toBe(
      '1 trigger noted. Most often: Stress (2 times).',
    );
  });

  it('draws the data it was given', async () => {
    setup();
    await screen.findByTestId('chart-year'); // the last chart, drawn after the first paint
    const mood = screen.getByTestId('chart-mood');
    expect(mood.querySelectorAll('.drawing circle.dot')).toHaveLength(3);
    expect(mood.querySelector('path.rolling')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(screen.getByTestId('chart-craving').querySelectorAll('rect.bar')).toHaveLength(2);
    expect(screen.getByTestId('chart-emotions').textContent).toContain('anxious');
    // Grid cells are drawn as one path per shade: count the squares in each.
    const heat = screen.getByTestId('chart-heatmap');
    expect(squares(heat, 'path.cell')).toBe(7 * 24);
    expect(squares(heat, 'path.level-4'), 'the busiest hour').toBe(1);
    expect(squares(heat, 'path.level-2'), 'half as busy').toBe(1);
    const counts = [...heat.querySelectorAll('.drawing text.count')];
    expect(counts, 'a number on each hour with cravings').toHaveLength(2);
    // Monday 8 AM (one) comes first, then Friday 9 PM (two), each in its own cell and shade.
    const level = (t: Element) => [...t.classList].find((c) => c.startsWith('level-'));
    expect(counts.map((t) => [t.textContent, level(t)])).toEqual([
      ['1', 'level-2'],
      ['2', 'level-4'],
    ]);
    const places = counts.map((t) => [Number(t.getAttribute('x')), Number(t.getAttribute('y'))]);
    [
      [44 + 8.5 * (596 / 24), 18 + 12 + 4],
      [44 + 21.5 * (596 / 24), 18 + 4 * 24 + 12 + 4],
    ].forEach(([x, y], i) => {
      expect(places[i]![0]).toBeCloseTo(x!, 6);
      expect(places[i]![1]).toBeCloseTo(y!, 6);
    });
    const year = screen.getByTestId('chart-year');
    expect(squares(year, 'path.day')).toBe(365);
    expect(
      year.querySelector('path.day')!.namespaceURI,
      'cells drawn as SVG, not as unknown HTML elements',
    ).toBe('http://www.w3.org/2000/svg');
    expect(squares(year, 'path.mood-4'), 'two days with a mood of about 4').toBe(2);
  });

  it('names the hovered cell in the chart’s one tooltip', async () => {
    setup();
    await screen.findByTestId('chart-year'); // the last chart, drawn after the first paint
    const year = screen.getByTestId('chart-year').querySelector('.drawing svg')!;
    expect(year.querySelector('title'), 'no tooltip before the pointer comes').toBeNull();
    // The year's squares: 12 units wide, 2 apart, after a 30-unit column of weekday names.
    const weeks = yearGrid('2025-06-15', []);
    const dayAt = (day: string) => {
      const w = weeks.findIndex((week) => week.some((cell) => cell?.day === day));
      const d = weeks[w]!.findIndex((cell) => cell?.day === day);
      return { x: 30 + w * 14 + 6, y: d * 14 + 6 };
    };
    await pointAt(year, dayAt('2025-06-11'));
    expect(year.querySelectorAll('title')).toHaveLength(1);
    expect(year.querySelector('title')?.textContent).toMatch(/June 11, 2025.*3\.5/);
    const june12 = dayAt('2025-06-12');
    await pointAt(year, june12);
    expect(year.querySelector('title')?.textContent).toMatch(/June 12, 2025/);
    // Across the gap to the next week's square, the nearer square's words.
    const june4 = dayAt('2025-06-04');
    await pointAt(year, { x: june4.x + 6.5, y: june4.y });
    expect(year.querySelector('title')?.textContent, 'in the gap, nearer the 4th').toMatch(/June 4, 2025/);
    await pointAt(year, { x: june4.x + 7.5, y: june4.y });
    expect(year.querySelector('title')?.textContent, 'in the gap, nearer the 11th').toMatch(/June 11, 2025/);
    await fireEvent.pointerLeave(year);
    expect(year.querySelector('title'), 'gone with the pointer').toBeNull();

    // The heatmap: 24 hours across 596 units after a 44-unit column, rows 24 high under 18.
    const heat = screen.getByTestId('chart-heatmap').querySelector('.drawing svg')!;
    await pointAt(heat, { x: 44 + 21.5 * (596 / 24), y: 18 + 4.5 * 24 });
    expect(heat.querySelectorAll('title')).toHaveLength(1);
    expect(heat.querySelector('title')?.textContent).toMatch(/^Friday, .*: 2 cravings$/);
    await pointAt(heat, { x: 5, y: 5 });
    expect(heat.querySelector('title'), 'over the hour names: no cell there').toBeNull();
  });

  it('tells the person what to do when nothing is logged', async () => {
    vi.mocked(journal.getInsights).mockResolvedValue(fixtures.emptyInsights());
    const { user, onNavigate } = setup();
    const empty = await screen.findByTestId('insights-empty');
    expect(empty.textContent).toMatch(/Log how you feel from\s+Today/);
    expect(within(empty).getByRole('heading').textContent).toBe('Nothing logged in the last 30 days');
    for (const id of CHARTS) expect(screen.queryByTestId(id)).toBeNull();
    await user.click(screen.getByTestId('insights-go-today'));
    expect(onNavigate).toHaveBeenCalledWith('today');
  });

  it('shows loading, then an error that can be retried', async () => {
    const first = deferred<InsightsData>();
    vi.mocked(journal.getInsights).mockReturnValueOnce(first.promise);
    const { user } = setup();
    expect(screen.getByTestId('loading')).toBeTruthy();
    first.reject(new IpcError('io', 'x'));
    expect((await screen.findByTestId('insights-error')).textContent).toMatch(/couldn't read or save/);
    expect(screen.queryByTestId('loading')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('insights-summary')).toBeTruthy();
    expect(screen.queryByTestId('insights-error')).toBeNull();
  });

  it('keeps the newest period when answers arrive out of order', async () => {
    const slow = deferred<InsightsData>();
    vi.mocked(journal.getInsights)
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce(fixtures.insights({ cravingCount: 90 }));
    const { user } = setup();
    await user.selectOptions(screen.getByTestId('insights-range'), 'Last 90 days');
    expect((await screen.findByTestId('insights-summary')).textContent).toContain('90 cravings were logged.');
    slow.resolve(fixtures.insights({ cravingCount: 30 }));
    await settle(0);
    expect(screen.getByTestId('insights-summary').textContent).toContain('90 cravings were logged.');
  });
});
