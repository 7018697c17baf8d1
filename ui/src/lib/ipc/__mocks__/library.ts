// The IPC module as tests see it after `vi.mock('…/lib/ipc/library')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../library.ts.
import { vi } from 'vitest';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const libraryList = vi.fn();
export const libraryArticle = vi.fn();
export const librarySearch = vi.fn();
export const libraryForTrigger = vi.fn();
export const librarySetBookmark = vi.fn();
export const librarySaveProgress = vi.fn();
export const librarySaveNote = vi.fn();
export const libraryContinue = vi.fn();
export const libraryDeleteImported = vi.fn();
export const libraryImport = vi.fn();
