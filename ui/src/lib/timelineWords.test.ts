import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from './bindings';
import { useLanguage } from './i18n';
import { scoreText } from './journal';
import { timelineDetail, timelineTitle } from './timelineWords';
import { item } from '../testing/journal';

const mood = item({
  kind: 'mood',
  title: null,
  mood: 4,
  emotions: [
    { id: 9, name: 'calm', builtin: true },
    { id: 13, name: 'Wobbly', builtin: false },
  ],
  excerpt: 'A walk by the sea',
});
const craving = item({ kind: 'craving', title: null, strength: 7, outcome: 'used', excerpt: '' });
const untitled = item({ kind: 'journal', title: null, excerpt: 'Only a body.' });
const slip = item({ kind: 'slip', title: null, clock: 'Alcohol', excerpt: 'one drink' });
const checkIn = item({
  kind: 'check_in',
  title: null,
  excerpt: '',
  intention: 'Call my sister',
  sober: true,
  difficulty: 2,
});
const hardDay = item({ kind: 'check_in', title: null, excerpt: '', sober: false, difficulty: 5 });
const milestone = item({
  kind: 'milestone',
  title: null,
  excerpt: '',
  clock: 'Alcohol',
  milestone: { unit: 'weeks', count: 2 },
});
const ALL: TimelineItem[] = [mood, craving, untitled, slip, checkIn, hardDay, milestone];

describe('timeline entries in words', () => {
  afterEach(() => useLanguage('en'));

  it('words each kind from its facts, in English', () => {
    expect(ALL.map(timelineTitle)).toEqual([
      'Mood: good',
      'Craving 7/10',
      'Untitled entry',
      'Slip (Alcohol)',
      'Check-in',
      'Check-in',
      '2 weeks (Alcohol)',
    ]);
    expect(ALL.map(timelineDetail)).toEqual([
      'calm, Wobbly · A walk by the sea',
      'I used',
      'Only a body.',
      'one drink',
      'Call my sister · Sober today, difficulty 2/5',
      'Not sober today, difficulty 5/5',
      'A milestone reached',
    ]);
    expect(timelineTitle(item({ title: 'Sunday' }))).toBe('Sunday');
    expect(scoreText(mood)).toBe('Mood 4 of 5 (good)');
    expect(scoreText(craving)).toBe('Strength 7 of 10');
  });

  it('words them in Spanish, keeping what the person wrote as it is', () => {
    useLanguage('es');
    expect(ALL.map(timelineTitle)).toEqual([
      'Ánimo: bien',
      'Ganas de consumir 7/10',
      'Entrada sin título',
      'Desliz (Alcohol)',
      'Registro',
      'Registro',
      '2 semanas (Alcohol)',
    ]);
    expect(ALL.map(timelineDetail)).toEqual([
      'calma, Wobbly · A walk by the sea',
      'Consumí',
      'Only a body.',
      'one drink',
      'Call my sister · Hoy sin consumir, dificultad 2/5',
      'Hoy con consumo, dificultad 5/5',
      'Un hito alcanzado',
    ]);
    expect(timelineTitle(item({ title: 'Domingo' }))).toBe('Domingo');
    expect(scoreText(mood)).toBe('Ánimo 4 de 5 (bien)');
    expect(scoreText(craving)).toBe('Fuerza 7 de 10');
  });
});
