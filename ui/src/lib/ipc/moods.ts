import { commands } from './generated';

// The generated functions (../bindings, made from the Rust definitions by src-tauri/src/bindings.rs)
// under the names the views use. Each rejects with an IpcError.

// Mood check-ins, cravings, the trigger catalogue and the emotion and coping-action word lists.
// Instants (`at`) are RFC 3339 UTC strings.

export const logMood = commands.logMood;

export const updateMood = commands.updateMood;

export const getMood = commands.getMood;

/** With outcome "used" and a `slipClockId`, the backend also records a slip on that clock. */
export const logCraving = commands.logCraving;

export const updateCraving = commands.updateCraving;

export const getCraving = commands.getCraving;

export const listTriggers = commands.listTriggers;

export const createTrigger = commands.createTrigger;

export const renameTrigger = commands.renameTrigger;

export const archiveTrigger = commands.archiveTrigger;

/** Moves every use of `from` to `into`, then archives `from`. */
export const mergeTriggers = commands.mergeTriggers;

export const listEmotions = commands.listEmotions;

/** Returns the existing label when one with that name is already there. */
export const addEmotion = commands.addEmotion;

export const listCopingActions = commands.listCopingActions;

/** Returns the existing label when one with that name is already there. */
export const addCopingAction = commands.addCopingAction;
