// Today's fonts, made while the key is derived (issue 12).
//
// WebKitGTK makes each size and weight of the page's font its own font the first time a layout
// needs it: it asks fontconfig, then loads and measures it. Today and the sidebar use about ten
// the unlock screen does not, and making them was most of the first unlock's wait between
// Today's code having run and its frame: 36-42 ms, against 5-8 on a second unlock in the same
// run, and 8-12 with this sample laid out first (debug builds, ten-year journal, 2026-12-07).
// While the shell derives the key (150-250 ms) the page has nothing to do, so the unlock screen
// lays out a hidden line in each of Today's fonts then (`todayFonts.json`, which
// tests/e2e/sobriety.test.mjs checks against what Today shows), and Today finds them made:
// painted 88 ms after the unlock's answer instead of 115 (medians of six paired start-ups). The
// lines are a sample, never the journal's words, hidden from sight, pointer and screen reader.

import todayFonts from './todayFonts.json';
import { afterPaint } from './bootMarks';

/** Sizes (CSS px) and weights Today and the sidebar show, in the page's own font. */
export const TODAY_FONTS: readonly { px: number; weight: number; numeric?: string }[] = todayFonts.fonts;

/** What each line says: letters and the digits the clocks show. */
const SAMPLE = 'Aa Bb 0123456789';

/**
 * Once the page has painted what it shows now (the busy button), puts the hidden lines in the
 * page, whose next layout makes their fonts. They go when `until` is aborted; aborted before
 * the paint, they never come.
 */
export default function warmTodayFonts(until: AbortSignal): void {
  if (until.aborted) return; // the attempt failed while this file was fetched
  afterPaint(() => {
    if (until.aborted) return;
    const sample = document.createElement('div');
    sample.setAttribute('aria-hidden', 'true');
    sample.setAttribute('inert', '');
    sample.style.cssText =
      'position:fixed;top:0;left:0;visibility:hidden;pointer-events:none;white-space:nowrap';
    for (const { px, weight, numeric } of TODAY_FONTS) {
      const line = document.createElement('p');
      line.style.cssText = `margin:0;font-size:${px}px;font-weight:${weight};font-variant-numeric:${numeric ?? 'normal'}`;
      line.textContent = SAMPLE;
      sample.append(line);
    }
    document.body.append(sample);
    until.addEventListener('abort', () => sample.remove(), { once: true });
  });
}
