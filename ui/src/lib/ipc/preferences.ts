import type { Preferences } from '../bindings';
import { invoke } from './invoke';

/** Auto-lock minutes (null = never) and the neutral window title. Needs the journal open. */
export function getPreferences(): Promise<Preferences> {
  return invoke<Preferences>('get_preferences');
}

export function setPreferences(preferences: Preferences): Promise<Preferences> {
  return invoke<Preferences>('set_preferences', { preferences });
}

/**
 * Minimizes the window at once. The caller then saves and locks; if it has not locked a
 * second later, the shell locks by itself (and says so with a `locked` lock signal).
 */
export function quickHide(): Promise<void> {
  return invoke<void>('quick_hide');
}

/** Tells the shell the person is active, so its own idle deadline moves on (see activityReports.ts). */
export function idleTouch(): Promise<void> {
  return invoke<void>('idle_touch');
}
