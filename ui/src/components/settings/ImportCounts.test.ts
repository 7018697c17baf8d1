import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import ImportCounts from './ImportCounts.svelte';
import { useLanguage } from '../../lib/i18n';

afterEach(() => useLanguage(null));

const lines = () =>
  screen.getAllByTestId('import-kind').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('import counts', () => {
  it('names each kind the importers count, and the counts, in Spanish', () => {
    useLanguage('es');
    render(ImportCounts, {
      kinds: [
        { kind: 'moods', added: 12, alreadyThere: 4 },
        { kind: 'journal entries', added: 3, alreadyThere: 0 },
        { kind: 'reading notes and bookmarks', added: 1, alreadyThere: 2 },
      ],
      newWord: 'added',
    });
    expect(lines()).toEqual([
      'Estados de ánimo: 12 más en tu diario, 4 que ya tenías',
      'Entradas del diario: 3 más en tu diario',
      'Notas de lectura y guardados: 1 más en tu diario, 2 que ya tenías',
    ]);
  });

  it('leaves a zero unsaid, in a preview and after an import', () => {
    const kinds = [
      { kind: 'moods', added: 20, alreadyThere: 0 },
      { kind: 'journal entries', added: 0, alreadyThere: 5 },
    ];
    const preview = render(ImportCounts, { kinds, newWord: 'new' });
    expect(lines()).toEqual(['Moods: 20 new', 'Journal entries: 5 already in your journal']);
    preview.unmount();
    render(ImportCounts, { kinds, newWord: 'added' });
    expect(lines()).toEqual(['Moods: 20 added', 'Journal entries: 5 already in your journal']);
  });

  it('says what a preview would add, and shows a kind it does not know as it came', () => {
    render(ImportCounts, { kinds: [{ kind: 'postcards', added: 2, alreadyThere: 1 }], newWord: 'new' });
    expect(lines()).toEqual(['Postcards: 2 new, 1 already in your journal']);
  });

  it('has a word in Spanish for every kind an importer counts', () => {
    const here = path.dirname(decodeURIComponent(new globalThis.URL(import.meta.url).pathname));
    const dir = path.resolve(here, '../../../../src-tauri/core/src/import');
    const kinds = new Set<string>();
    const files = readdirSync(dir, { withFileTypes: true }).map((entry) => entry.name);
    for (const file of files.filter((f) => f.endsWith('.rs'))) {
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/\.count\(\s*"([^"]+)"/g)) {
        kinds.add(match[1] ?? '');
      }
    }
    expect(kinds.size, 'the importers count at least moods and journal entries').toBeGreaterThan(2);
    useLanguage('es');
    render(ImportCounts, {
      kinds: [...kinds].map((kind) => ({ kind, added: 1, alreadyThere: 0 })),
      newWord: 'new',
    });
    const untranslated = lines().filter((line, i) => line?.toLowerCase().startsWith(`${[...kinds][i]}:`));
    expect(untranslated, 'kinds shown as the core names them').toEqual([]);
  });
});
