// The IPC module as tests see it after `vi.mock('…/lib/ipc/sos')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../sos.ts.
import { vi } from 'vitest';

export const sosCrisisLines = vi.fn();
export const sosCrisisHere = vi.fn();
export const sosSetCountry = vi.fn();
export const sosPeople = vi.fn();
export const sosAddPerson = vi.fn();
export const sosUpdatePerson = vi.fn();
export const sosRemovePerson = vi.fn();
export const sosReasons = vi.fn();
export const sosAddReason = vi.fn();
export const sosUpdateReason = vi.fn();
export const sosRemoveReason = vi.fn();
export const planGet = vi.fn();
export const planSave = vi.fn();
export const planExport = vi.fn();
