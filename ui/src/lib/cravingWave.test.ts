import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { CRAVING_WAVE, CRAVING_WAVE_MINUTES } from './cravingWave';
import { shippedArticle, shippedArticleFiles, uiCatalogues, uiSources } from '../testing/articles';
import CravingSupport from '../components/record/CravingSupport.svelte';

/** Every "N to M minutes" in a sentence about a craving, an urge or its wave. */
function waveRanges(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?]) /)
    .filter((sentence) => /crav|urge|wave/i.test(sentence))
    .flatMap((sentence) => [...sentence.matchAll(/\b\d+\s+to\s+\d+\s+minutes\b/g)].map((m) => m[0]));
}

describe('the craving wave', () => {
  it('is one figure', () => {
    expect(CRAVING_WAVE).toBe(`${CRAVING_WAVE_MINUTES.from} to ${CRAVING_WAVE_MINUTES.to} minutes`);
    expect(CRAVING_WAVE_MINUTES.from).toBeLessThan(CRAVING_WAVE_MINUTES.to);
  });

  it('is the length the article "Cravings and triggers" gives', () => {
    expect(waveRanges(shippedArticle('05-cravings-and-triggers.md'))).toEqual([CRAVING_WAVE]);
  });

  it('has no other length in any article', () => {
    for (const file of shippedArticleFiles()) {
      for (const range of waveRanges(shippedArticle(file))) {
        expect(range, file).toBe(CRAVING_WAVE);
      }
    }
  });

  it('has no other length written into any screen or message catalogue', () => {
    for (const [file, text] of [...uiSources(), ...uiCatalogues()]) {
      if (file.endsWith('cravingWave.ts')) continue; // the one place the figure is written
      expect(waveRanges(text), file).toEqual([]);
    }
  });

  it('is the length craving support gives', () => {
    render(CravingSupport, { onOpenSos: vi.fn() });
    expect(screen.getByTestId('craving-sos-offer').textContent?.replace(/\s+/g, ' ')).toContain(
      `Most urges ease within ${CRAVING_WAVE}.`,
    );
  });
});
