// The IPC module as tests see it after `vi.mock('…/lib/ipc/sobriety')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../sobriety.ts.
import { vi } from 'vitest';

export const listClocks = vi.fn();
export const createClock = vi.fn();
export const updateClock = vi.fn();
export const pinClock = vi.fn();
export const archiveClock = vi.fn();
export const deleteClock = vi.fn();
export const clockDetail = vi.fn();
export const recordSlip = vi.fn();
export const updateSlip = vi.fn();
export const deleteSlip = vi.fn();
export const acknowledgeMilestone = vi.fn();
export const getToday = vi.fn();
export const morningCheckIn = vi.fn();
export const eveningCheckIn = vi.fn();
export const checkIns = vi.fn();
