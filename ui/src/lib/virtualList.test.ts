import { describe, expect, it } from 'vitest';
import { nearEnd, scrollToShow, totalHeight, visibleRange } from './virtualList';

describe('visibleRange', () => {
  it('renders the first screen plus the overscan at the top', () => {
    expect(
      visibleRange({ count: 5000, rowHeight: 100, scrollTop: 0, viewportHeight: 600, overscan: 5 }),
    ).toEqual({
      start: 0,
      end: 12,
      before: 0,
      after: (5000 - 12) * 100,
    });
  });

  it('follows the scroll position, with rows either side', () => {
    const range = visibleRange({
      count: 5000,
      rowHeight: 100,
      scrollTop: 250_050,
      viewportHeight: 600,
      overscan: 5,
    });
    expect(range.start).toBe(2495);
    expect(range.end).toBe(2500 + 7 + 5);
    expect(range.before).toBe(249_500);
    expect(range.before + (range.end - range.start) * 100 + range.after).toBe(totalHeight(5000, 100));
  });

  it('stays inside the list at the very end and when scrolled past it', () => {
    const range = visibleRange({
      count: 20,
      rowHeight: 50,
      scrollTop: 10_000,
      viewportHeight: 300,
      overscan: 3,
    });
    expect(range.end).toBe(20);
    expect(range.start).toBe(16);
    expect(range.after).toBe(0);
  });

  it('handles an empty list and odd input', () => {
    expect(visibleRange({ count: 0, rowHeight: 50, scrollTop: 0, viewportHeight: 300 })).toEqual({
      start: 0,
      end: 0,
      before: 0,
      after: 0,
    });
    expect(
      visibleRange({ count: 3, rowHeight: 50, scrollTop: -40, viewportHeight: 0, overscan: 0 }),
    ).toMatchObject({
      start: 0,
      end: 1,
    });
  });
});

describe('nearEnd and scrollToShow', () => {
  it('asks for more only near the end', () => {
    expect(nearEnd({ start: 0, end: 20, before: 0, after: 0 }, 100)).toBe(false);
    expect(nearEnd({ start: 80, end: 95, before: 0, after: 0 }, 100)).toBe(true);
    expect(nearEnd({ start: 0, end: 0, before: 0, after: 0 }, 0)).toBe(false);
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(10, 50, 0, 300)).toBe(250);
    expect(scrollToShow(2, 50, 200, 300)).toBe(100);
    expect(scrollToShow(5, 50, 200, 300)).toBeNull();
  });
});
