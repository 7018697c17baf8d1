// The preferences IPC module as tests see it after `vi.mock('…/lib/ipc/preferences')`.
import { vi } from 'vitest';

export const getPreferences = vi.fn();
export const setPreferences = vi.fn();
export const quickHide = vi.fn();
export const idleTouch = vi.fn();
