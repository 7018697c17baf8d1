// The sobriety IPC module as tests see it after `vi.mock('…/lib/ipc/sobriety')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../sobriety.ts.
import { vi } from 'vitest';
import type * as real from '../sobriety';

export const listClocks = vi.fn<typeof real.listClocks>();
export const createClock = vi.fn<typeof real.createClock>();
export const updateClock = vi.fn<typeof real.updateClock>();
export const pinClock = vi.fn<typeof real.pinClock>();
export const archiveClock = vi.fn<typeof real.archiveClock>();
export const deleteClock = vi.fn<typeof real.deleteClock>();
export const clockDetail = vi.fn<typeof real.clockDetail>();
export const recordSlip = vi.fn<typeof real.recordSlip>();
export const updateSlip = vi.fn<typeof real.updateSlip>();
export const deleteSlip = vi.fn<typeof real.deleteSlip>();
export const acknowledgeMilestone = vi.fn<typeof real.acknowledgeMilestone>();
export const getToday = vi.fn<typeof real.getToday>();
export const morningCheckIn = vi.fn<typeof real.morningCheckIn>();
export const eveningCheckIn = vi.fn<typeof real.eveningCheckIn>();
export const checkIns = vi.fn<typeof real.checkIns>();
