import type { CravingEvent, CravingInput, Label, MoodEntry, MoodInput, Trigger } from '../bindings';
import { invoke } from './invoke';

// Mood check-ins, cravings, the trigger catalogue and the emotion and coping-action word lists.
// Instants (`at`) are RFC 3339 UTC strings.

export function logMood(input: MoodInput): Promise<MoodEntry> {
  return invoke<MoodEntry>('log_mood', { input });
}

export function updateMood(id: number, input: MoodInput): Promise<MoodEntry> {
  return invoke<MoodEntry>('update_mood', { id, input });
}

export function getMood(id: number): Promise<MoodEntry> {
  return invoke<MoodEntry>('get_mood', { id });
}

/** With outcome "used" and a `slipClockId`, the backend also records a slip on that clock. */
export function logCraving(input: CravingInput): Promise<CravingEvent> {
  return invoke<CravingEvent>('log_craving', { input });
}

export function updateCraving(id: number, input: CravingInput): Promise<CravingEvent> {
  return invoke<CravingEvent>('update_craving', { id, input });
}

export function getCraving(id: number): Promise<CravingEvent> {
  return invoke<CravingEvent>('get_craving', { id });
}

export function listTriggers(includeArchived: boolean): Promise<Trigger[]> {
  return invoke<Trigger[]>('list_triggers', { includeArchived });
}

export function createTrigger(name: string): Promise<Trigger> {
  return invoke<Trigger>('create_trigger', { name });
}

export function renameTrigger(id: number, name: string): Promise<Trigger> {
  return invoke<Trigger>('rename_trigger', { id, name });
}

export function archiveTrigger(id: number, archived: boolean): Promise<void> {
  return invoke<void>('archive_trigger', { id, archived });
}

/** Moves every use of `from` to `into`, then archives `from`. */
export function mergeTriggers(from: number, into: number): Promise<Trigger> {
  return invoke<Trigger>('merge_triggers', { from, into });
}

export function listEmotions(): Promise<Label[]> {
  return invoke<Label[]>('list_emotions');
}

/** Returns the existing label when one with that name is already there. */
export function addEmotion(name: string): Promise<Label> {
  return invoke<Label>('add_emotion', { name });
}

export function listCopingActions(): Promise<Label[]> {
  return invoke<Label[]>('list_coping_actions');
}

/** Returns the existing label when one with that name is already there. */
export function addCopingAction(name: string): Promise<Label> {
  return invoke<Label>('add_coping_action', { name });
}
