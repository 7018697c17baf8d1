import { afterEach, describe, expect, it, vi } from 'vitest';
import warmTodayFonts, { TODAY_FONTS } from './fontWarmup';

import { FONT_SAMPLE } from '../testing/fontSample';

const sample = () => document.querySelector<HTMLElement>(FONT_SAMPLE);

describe('warmTodayFonts', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it("lays out a hidden line in each of Today's fonts once the page has painted, and takes it out", () => {
    vi.useFakeTimers();
    const cooling = new AbortController();
    warmTodayFonts(cooling.signal);
    expect(sample(), 'nothing before the busy button is painted').toBeNull();
    vi.runAllTimers();
    const lines = [...(sample()?.querySelectorAll('p') ?? [])];
    expect(lines).toHaveLength(TODAY_FONTS.length);
    expect(lines.map((p) => [p.style.fontSize, p.style.fontWeight, p.style.fontVariantNumeric])).toEqual(
      TODAY_FONTS.map(({ px, weight, numeric }) => [`${px}px`, String(weight), numeric ?? 'normal']),
    );
    expect(sample()?.style.visibility).toBe('hidden');
    expect(sample()?.hasAttribute('inert')).toBe(true);
    cooling.abort();
    expect(sample()).toBeNull();
  });

  it('puts nothing in the page when taken out before it came', () => {
    vi.useFakeTimers();
    const cooling = new AbortController();
    warmTodayFonts(cooling.signal);
    cooling.abort();
    vi.runAllTimers();
    expect(sample()).toBeNull();
  });
});
