import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { CRAVING_WAVE_MINUTES } from './cravingWave';
import { m, useLanguage } from './i18n';
import { shippedArticle, shippedArticleFiles, uiCatalogues, uiSources } from '../testing/articles';
import CravingSupport from '../components/record/CravingSupport.svelte';

const { from, to } = CRAVING_WAVE_MINUTES;

/** How each language writes a span of minutes, and how it names a craving or its wave. */
const LANGUAGES = {
  en: { span: /\b\d+\s+to\s+\d+\s+minutes\b/g, about: /crav|urge|wave/i, wave: `${from} to ${to} minutes` },
  es: {
    span: /\bentre\s+\d+\s+y\s+\d+\s+minutos\b/g,
    about: /ganas|impulso|ola\b/i,
    wave: `entre ${from} y ${to} minutos`,
  },
} as const;
type Language = keyof typeof LANGUAGES;

/** Every span of minutes in a sentence about a craving, an urge or its wave. */
function waveRanges(text: string, language: Language): string[] {
  const { span, about } = LANGUAGES[language];
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?]) /)
    .filter((sentence) => about.test(sentence))
    .flatMap((sentence) => [...sentence.matchAll(span)].map((m) => m[0]));
}

afterEach(() => useLanguage(null));

describe('the craving wave', () => {
  it('is one span of minutes', () => {
    expect(from).toBeLessThan(to);
  });

  it('is the length the article "Cravings and triggers" gives, in English and in Spanish', () => {
    expect(waveRanges(shippedArticle('05-cravings-and-triggers.md'), 'en')).toEqual([LANGUAGES.en.wave]);
    expect(waveRanges(shippedArticle('es/05-cravings-and-triggers.md'), 'es')).toEqual([LANGUAGES.es.wave]);
  });

  it('has no other length in any article', () => {
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      for (const file of shippedArticleFiles(language === 'en' ? undefined : language)) {
        for (const range of waveRanges(shippedArticle(file), language)) {
          expect(range, file).toBe(LANGUAGES[language].wave);
        }
      }
    }
  });

  it('has no length written into any screen or message catalogue: the numbers come from one constant', () => {
    for (const [file, text] of [...uiSources(), ...uiCatalogues()]) {
      for (const language of Object.keys(LANGUAGES) as Language[]) {
        expect(waveRanges(text, language), file).toEqual([]);
      }
    }
  });

  it('each language words the span around the two numbers', () => {
    expect(m.sos_public_sos_a_craving_is_a(CRAVING_WAVE_MINUTES)).toContain(LANGUAGES.en.wave);
    useLanguage('es');
    expect(m.sos_public_sos_a_craving_is_a(CRAVING_WAVE_MINUTES)).toContain(LANGUAGES.es.wave);
  });

  it('is the length craving support gives, in English and in Spanish', () => {
    const { unmount } = render(CravingSupport, { onOpenSos: vi.fn() });
    expect(screen.getByTestId('craving-sos-offer').textContent?.replace(/\s+/g, ' ')).toContain(
      `Most urges ease within ${LANGUAGES.en.wave}.`,
    );
    unmount();
    useLanguage('es');
    render(CravingSupport, { onOpenSos: vi.fn() });
    expect(screen.getByTestId('craving-sos-offer').textContent?.replace(/\s+/g, ' ')).toContain(
      `tardan ${LANGUAGES.es.wave} en bajar.`,
    );
  });
});
