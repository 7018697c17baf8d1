// The preferences IPC module as tests see it after `vi.mock('…/lib/ipc/preferences')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../preferences.ts.
import { vi } from 'vitest';
import type * as real from '../preferences';

export const getPreferences = vi.fn<typeof real.getPreferences>();
export const setPreferences = vi.fn<typeof real.setPreferences>();
export const setLanguage = vi.fn<typeof real.setLanguage>();
export const quickHide = vi.fn<typeof real.quickHide>();
export const idleTouch = vi.fn<typeof real.idleTouch>();
