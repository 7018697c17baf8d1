import type {
  CheckIn,
  ClockDetail,
  ClockInput,
  ClockView,
  EveningCheckIn,
  SlipInput,
  SlipRecorded,
  TodayView,
} from '../bindings';
import { invoke } from './invoke';

// Sobriety clocks, slips, milestones and daily check-ins. Instants are RFC 3339 UTC strings;
// days (`day`, `from`, `to`) are local dates `YYYY-MM-DD`.

export function listClocks(includeArchived: boolean): Promise<ClockView[]> {
  return invoke<ClockView[]>('list_clocks', { includeArchived });
}

export function createClock(input: ClockInput): Promise<ClockView> {
  return invoke<ClockView>('create_clock', { input });
}

export function updateClock(id: number, input: ClockInput): Promise<ClockView> {
  return invoke<ClockView>('update_clock', { id, input });
}

/** Makes this the main clock; the backend unpins the others. */
export function pinClock(id: number): Promise<void> {
  return invoke<void>('pin_clock', { id });
}

export function archiveClock(id: number, archived: boolean): Promise<void> {
  return invoke<void>('archive_clock', { id, archived });
}

/** Deletes the clock and its slips. Ask the person first. */
export function deleteClock(id: number): Promise<void> {
  return invoke<void>('delete_clock', { id });
}

/** Streaks, slips and milestones come newest first. */
export function clockDetail(id: number): Promise<ClockDetail> {
  return invoke<ClockDetail>('clock_detail', { id });
}

export function recordSlip(clockId: number, input: SlipInput): Promise<SlipRecorded> {
  return invoke<SlipRecorded>('record_slip', { clockId, input });
}

export function updateSlip(id: number, input: SlipInput): Promise<ClockDetail> {
  return invoke<ClockDetail>('update_slip', { id, input });
}

export function deleteSlip(id: number): Promise<ClockDetail> {
  return invoke<ClockDetail>('delete_slip', { id });
}

/** Marks a milestone as celebrated so it is not shown again. */
export function acknowledgeMilestone(clockId: number, key: string): Promise<void> {
  return invoke<void>('acknowledge_milestone', { clockId, key });
}

/** Everything the Today screen shows, in one call. */
export function getToday(): Promise<TodayView> {
  return invoke<TodayView>('today');
}

export function morningCheckIn(intention: string | null): Promise<CheckIn> {
  return invoke<CheckIn>('morning_check_in', { intention });
}

export function eveningCheckIn(input: EveningCheckIn): Promise<CheckIn> {
  return invoke<CheckIn>('evening_check_in', { input });
}

/** Check-ins between two local dates, both included. */
export function checkIns(from: string, to: string): Promise<CheckIn[]> {
  return invoke<CheckIn[]>('check_ins', { from, to });
}
