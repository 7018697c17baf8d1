import { commands } from './generated';

// The generated functions (../bindings, made from the Rust definitions by src-tauri/src/bindings.rs)
// under the names the views use. Each rejects with an IpcError.

// Sobriety clocks, slips, milestones and daily check-ins. Instants are RFC 3339 UTC strings;
// days (`day`, `from`, `to`) are local dates `YYYY-MM-DD`.

export const listClocks = commands.listClocks;

export const createClock = commands.createClock;

export const updateClock = commands.updateClock;

/** Makes this the main clock; the backend unpins the others. */
export const pinClock = commands.pinClock;

export const archiveClock = commands.archiveClock;

/** Deletes the clock and its slips. Ask the person first. */
export const deleteClock = commands.deleteClock;

/** Streaks, slips and milestones come newest first. */
export const clockDetail = commands.clockDetail;

export const recordSlip = commands.recordSlip;

export const updateSlip = commands.updateSlip;

export const deleteSlip = commands.deleteSlip;

/** Marks a milestone as celebrated so it is not shown again. */
export const acknowledgeMilestone = commands.acknowledgeMilestone;

/** Everything the Today screen shows, in one call. */
export const getToday = commands.today;

export const morningCheckIn = commands.morningCheckIn;

export const eveningCheckIn = commands.eveningCheckIn;

/** Check-ins between two local dates, both included. */
export const checkIns = commands.checkIns;
