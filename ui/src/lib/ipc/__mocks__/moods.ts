// The moods IPC module as tests see it after `vi.mock('…/lib/ipc/moods')`: each command is a vi.fn()
// with the real function's type (from the generated bindings), so a test that programs it with
// the wrong arguments or result does not compile. mocks.test.ts checks the names match ../moods.ts.
import { vi } from 'vitest';
import type * as real from '../moods';

export const logMood = vi.fn<typeof real.logMood>();
export const updateMood = vi.fn<typeof real.updateMood>();
export const getMood = vi.fn<typeof real.getMood>();
export const logCraving = vi.fn<typeof real.logCraving>();
export const updateCraving = vi.fn<typeof real.updateCraving>();
export const getCraving = vi.fn<typeof real.getCraving>();
export const listTriggers = vi.fn<typeof real.listTriggers>();
export const createTrigger = vi.fn<typeof real.createTrigger>();
export const renameTrigger = vi.fn<typeof real.renameTrigger>();
export const archiveTrigger = vi.fn<typeof real.archiveTrigger>();
export const mergeTriggers = vi.fn<typeof real.mergeTriggers>();
export const listEmotions = vi.fn<typeof real.listEmotions>();
export const addEmotion = vi.fn<typeof real.addEmotion>();
export const listCopingActions = vi.fn<typeof real.listCopingActions>();
export const addCopingAction = vi.fn<typeof real.addCopingAction>();
