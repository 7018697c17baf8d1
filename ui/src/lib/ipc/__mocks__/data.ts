// The data IPC module as tests see it after `vi.mock('…/lib/ipc/data')`. Keep the names in step
// with ../data.ts.
import { vi } from 'vitest';

export const exportJson = vi.fn();
export const exportCsv = vi.fn();
export const exportReport = vi.fn();
export const previewImport = vi.fn();
export const applyImport = vi.fn();
export const watchLockSignals = vi.fn();
