// The sos IPC module as tests see it after `vi.mock('…/lib/ipc/sos')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../sos.ts.
import { vi } from 'vitest';
import type * as real from '../sos';

export const sosCrisisLines = vi.fn<typeof real.sosCrisisLines>();
export const sosCrisisHere = vi.fn<typeof real.sosCrisisHere>();
export const sosSetCountry = vi.fn<typeof real.sosSetCountry>();
export const sosPeople = vi.fn<typeof real.sosPeople>();
export const sosAddPerson = vi.fn<typeof real.sosAddPerson>();
export const sosUpdatePerson = vi.fn<typeof real.sosUpdatePerson>();
export const sosRemovePerson = vi.fn<typeof real.sosRemovePerson>();
export const sosReasons = vi.fn<typeof real.sosReasons>();
export const sosAddReason = vi.fn<typeof real.sosAddReason>();
export const sosUpdateReason = vi.fn<typeof real.sosUpdateReason>();
export const sosRemoveReason = vi.fn<typeof real.sosRemoveReason>();
export const planGet = vi.fn<typeof real.planGet>();
export const planSave = vi.fn<typeof real.planSave>();
export const planExport = vi.fn<typeof real.planExport>();
