import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as library from './library';
import * as mocked from './__mocks__/library';
import { IpcError } from './IpcError';
import { useLanguage } from '../i18n';

describe('ipc/library', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    await library.libraryList();
    await library.libraryArticle('after-a-slip');
    await library.librarySearch('urge "surf', 30);
    await library.libraryForTrigger('loneliness-isolation');
    await library.librarySetBookmark('after-a-slip', true);
    await library.librarySaveProgress('after-a-slip', 0.25);
    await library.librarySaveNote('after-a-slip', null);
    await library.libraryContinue();
    await library.libraryDeleteImported('imported-notes');
    expect(tauriInvoke.mock.calls).toEqual([
      ['library_list', { language: 'en' }],
      ['library_article', { slug: 'after-a-slip', language: 'en' }],
      ['library_search', { query: 'urge "surf', limit: 30, language: 'en' }],
      ['library_for_trigger', { key: 'loneliness-isolation', language: 'en' }],
      ['library_set_bookmark', { slug: 'after-a-slip', bookmarked: true }],
      ['library_save_progress', { slug: 'after-a-slip', progress: 0.25 }],
      ['library_save_note', { slug: 'after-a-slip', note: null }],
      ['library_continue', { language: 'en' }],
      ['library_delete_imported', { slug: 'imported-notes' }],
    ]);
  });

  it('asks for articles in the language the interface speaks', async () => {
    useLanguage('es');
    try {
      await library.libraryList();
      await library.libraryArticle('withdrawal');
      await library.librarySearch('abstinencia', 10);
      expect(tauriInvoke.mock.calls).toEqual([
        ['library_list', { language: 'es' }],
        ['library_article', { slug: 'withdrawal', language: 'es' }],
        ['library_search', { query: 'abstinencia', limit: 10, language: 'es' }],
      ]);
    } finally {
      useLanguage('en');
    }
  });

  it('sends an imported file as raw bytes, with its name percent-encoded in a header', async () => {
    const bytes = new Uint8Array([104, 105]);
    await library.libraryImport('my notes é.md', bytes);
    expect(tauriInvoke).toHaveBeenCalledWith('library_import', bytes, {
      headers: { 'x-file-name': 'my%20notes%20%C3%A9.md' },
    });
  });

  it('keeps the backend message of a refused import', async () => {
    tauriInvoke.mockRejectedValue({ code: 'invalid_input', message: 'This file is empty.' });
    const error = await library.libraryImport('a.txt', new Uint8Array()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'This file is empty.' });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(library).sort());
  });
});
