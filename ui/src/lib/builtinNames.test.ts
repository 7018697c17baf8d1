import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import {
  BUILTIN_ACTIONS,
  BUILTIN_EMOTIONS,
  BUILTIN_TRIGGERS,
  labelName,
  labelText,
  triggerText,
} from './builtinNames';
import { countSummary } from './insights';
import { delayPrompts } from './sos';
import { useLanguage } from './i18n';
import MoodChips from '../components/record/MoodChips.svelte';

afterEach(() => useLanguage(null));

const here = path.dirname(decodeURIComponent(new globalThis.URL(import.meta.url).pathname));
const MIGRATIONS = path.resolve(here, '../../../src-tauri/core/src/store/migrations');

/** The names the journal's migrations seed into `table`, read from the SQL itself. */
function seeded(table: 'emotions' | 'triggers' | 'coping_actions'): string[] {
  const names: string[] = [];
  const files = readdirSync(MIGRATIONS, { withFileTypes: true }).map((entry) => entry.name);
  for (const file of files.filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(path.join(MIGRATIONS, file), 'utf8');
    for (const insert of sql.matchAll(new RegExp(`INSERT INTO ${table} \\(([^)]*)\\) VALUES([^;]*);`, 'g'))) {
      const columns = (insert[1] ?? '').split(',').map((c) => c.trim());
      const nameAt = columns.indexOf('name');
      for (const row of (insert[2] ?? '').matchAll(/\(((?:'(?:[^']|'')*'|[^()'])*)\)/g)) {
        const values = [...(row[1] ?? '').matchAll(/'((?:[^']|'')*)'|(\d+)/g)].map((v) => v[1] ?? v[2] ?? '');
        names.push((values[nameAt] ?? '').replace(/''/g, "'"));
      }
    }
  }
  return names;
}

describe('built-in names', () => {
  it('every emotion, trigger and coping action the journal seeds has a message', () => {
    const emotions = seeded('emotions');
    const triggers = seeded('triggers');
    const actions = seeded('coping_actions');
    // The reader finds the seed lists (12 emotions, 12 triggers, 10 actions today).
    expect(emotions.length).toBeGreaterThanOrEqual(12);
    expect(triggers).toContain('Grief and loss');
    expect(actions).toContain('Played the delay');
    expect(
      emotions.filter((n) => !(n in BUILTIN_EMOTIONS)),
      'emotions without a message',
    ).toEqual([]);
    expect(
      triggers.filter((n) => !(n in BUILTIN_TRIGGERS)),
      'triggers without a message',
    ).toEqual([]);
    expect(
      actions.filter((n) => !(n in BUILTIN_ACTIONS)),
      'coping actions without a message',
    ).toEqual([]);
  });

  it('every message is worded in every language, in English as the journal stores it', () => {
    for (const table of [BUILTIN_EMOTIONS, BUILTIN_TRIGGERS, BUILTIN_ACTIONS]) {
      for (const [stored, message] of Object.entries(table)) {
        expect(message(), `${stored} in English`).toBe(stored);
        useLanguage('es');
        expect(message(), `${stored} in Spanish`).not.toBe(stored);
        useLanguage(null);
      }
    }
  });

  it('shows a built-in in Spanish and the person’s own words as written', () => {
    useLanguage('es');
    expect(labelText({ name: 'anxious', builtin: true })).toBe('ansiedad');
    expect(labelText({ name: 'Played the delay', builtin: true })).toBe('Me di un tiempo');
    expect(triggerText({ key: 'grief-loss', name: 'Grief and loss' })).toBe('Duelo y pérdidas');
    // The person's own label, even one spelled like a built-in, and a built-in they renamed.
    expect(labelText({ name: 'anxious', builtin: false })).toBe('anxious');
    expect(labelText({ name: 'Mi abuela', builtin: false })).toBe('Mi abuela');
    expect(triggerText({ key: 'grief-loss', name: 'Missing Dad' })).toBe('Missing Dad');
    expect(triggerText({ key: null, name: 'Depression' })).toBe('Depression');
    expect(labelName('Stress or anxiety')).toBe('Estrés o ansiedad');
    expect(labelName('Payday')).toBe('Payday');
  });

  it('the mood form’s chips, the insights and the delay prompts use them', () => {
    useLanguage('es');
    render(MoodChips, {
      legend: 'Emociones',
      prefix: 'emotion',
      labels: [
        { id: 1, name: 'anxious', builtin: true },
        { id: 2, name: 'Nervios del examen', builtin: false },
      ],
      selected: [],
    });
    expect(screen.getByTestId('emotion-1').textContent?.trim()).toBe('ansiedad');
    expect(screen.getByTestId('emotion-2').textContent?.trim()).toBe('Nervios del examen');
    expect(countSummary([{ label: 'tired', count: 2 }], 'emotions')).toContain('cansancio (2 veces)');
    expect(
      delayPrompts([
        { id: 1, name: 'Called someone', builtin: true },
        { id: 2, name: 'Played the delay', builtin: true },
        { id: 3, name: 'Tocar la guitarra', builtin: false },
      ]),
    ).toEqual(['Llamé a alguien', 'Tocar la guitarra']);
  });
});
