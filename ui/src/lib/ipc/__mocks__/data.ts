// The data IPC module as tests see it after `vi.mock('…/lib/ipc/data')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../data.ts.
import { vi } from 'vitest';
import type * as real from '../data';

export const exportJson = vi.fn<typeof real.exportJson>();
export const exportCsv = vi.fn<typeof real.exportCsv>();
export const exportReport = vi.fn<typeof real.exportReport>();
export const previewImport = vi.fn<typeof real.previewImport>();
export const applyImport = vi.fn<typeof real.applyImport>();
