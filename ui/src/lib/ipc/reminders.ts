import { Channel } from '@tauri-apps/api/core';
import { commands, type Screen } from './generated';

// The generated functions (../bindings) under the names the views use.

/** The reminder settings, from the plain settings file beside the journal (readable while locked). */
export const getReminders = commands.remindersGet;

/** Saves the reminder settings; answers them as saved. */
export const setReminders = commands.remindersSet;

/** Whether Daybreak starts with the computer (hidden in the tray, locked). */
export const getStartWithComputer = commands.startWithComputerGet;

/** Turns starting with the computer on or off; answers the setting as it now is. */
export const setStartWithComputer = commands.startWithComputerSet;

/** Screens the shell asks to open: a clicked reminder, or the tray's menu. Call once. */
export function watchScreens(onOpen: (screen: Screen) => void): Promise<void> {
  const channel = new Channel<Screen>();
  channel.onmessage = onOpen;
  return commands.screensWatch(channel);
}
