// The IPC module as tests see it after `vi.mock('…/lib/ipc/moods')`: every command is a
// vi.fn() that each test programs. Keep the names in step with ../moods.ts.
import { vi } from 'vitest';

export const logMood = vi.fn();
export const updateMood = vi.fn();
export const getMood = vi.fn();
export const logCraving = vi.fn();
export const updateCraving = vi.fn();
export const getCraving = vi.fn();
export const listTriggers = vi.fn();
export const createTrigger = vi.fn();
export const renameTrigger = vi.fn();
export const archiveTrigger = vi.fn();
export const mergeTriggers = vi.fn();
export const listEmotions = vi.fn();
export const addEmotion = vi.fn();
export const listCopingActions = vi.fn();
export const addCopingAction = vi.fn();
