import { commands } from './generated';

// The generated functions (../bindings) under the names the views use.

/** Auto-lock minutes (null = never) and the neutral window title. Needs the journal open. */
export const getPreferences = commands.getPreferences;

export const setPreferences = commands.setPreferences;

/**
 * The language the screens speak on this computer (null: the system's), kept in the plain
 * settings file beside the journal so the lock screen speaks it too. Works while locked.
 */
export const setLanguage = commands.languageSet;

/**
 * Minimizes the window at once. The caller then saves and locks; if it has not locked a
 * second later, the shell locks by itself (and says so with a `locked` lock signal).
 */
export const quickHide = commands.quickHide;

/** Tells the shell the person is active, so its own idle deadline moves on (see activityReports.ts). */
export const idleTouch = commands.idleTouch;
