// The reminders IPC module as tests see it after `vi.mock('…/lib/ipc/reminders')`: each command
// is a vi.fn() with the real function's type (from the generated bindings).
import { vi } from 'vitest';
import type * as real from '../reminders';

export const getReminders = vi.fn<typeof real.getReminders>();
export const setReminders = vi.fn<typeof real.setReminders>();
export const getStartWithComputer = vi.fn<typeof real.getStartWithComputer>();
export const setStartWithComputer = vi.fn<typeof real.setStartWithComputer>();
export const watchScreens = vi.fn<typeof real.watchScreens>();
