import type { Preferences } from '../bindings';
import { invoke } from './invoke';

/** Auto-lock minutes (null = never) and the neutral window title. Needs the journal open. */
export function getPreferences(): Promise<Preferences> {
  return invoke<Preferences>('get_preferences');
}

export function setPreferences(preferences: Preferences): Promise<Preferences> {
  return invoke<Preferences>('set_preferences', { preferences });
}

/** Locks at once and minimizes the window. */
export function quickHide(): Promise<void> {
  return invoke<void>('quick_hide');
}
