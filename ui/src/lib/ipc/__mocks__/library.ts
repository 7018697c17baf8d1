// The library IPC module as tests see it after `vi.mock('…/lib/ipc/library')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../library.ts.
import { vi } from 'vitest';
import type * as real from '../library';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const libraryList = vi.fn<typeof real.libraryList>();
export const libraryArticle = vi.fn<typeof real.libraryArticle>();
export const librarySearch = vi.fn<typeof real.librarySearch>();
export const libraryForTrigger = vi.fn<typeof real.libraryForTrigger>();
export const librarySources = vi.fn<typeof real.librarySources>();
export const librarySetBookmark = vi.fn<typeof real.librarySetBookmark>();
export const librarySaveProgress = vi.fn<typeof real.librarySaveProgress>();
export const librarySaveNote = vi.fn<typeof real.librarySaveNote>();
export const libraryContinue = vi.fn<typeof real.libraryContinue>();
export const libraryDeleteImported = vi.fn<typeof real.libraryDeleteImported>();
export const libraryImport = vi.fn<typeof real.libraryImport>();
