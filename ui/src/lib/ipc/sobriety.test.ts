import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as sobriety from './sobriety';
import * as mocked from './__mocks__/sobriety';
import { IpcError } from './IpcError';

const INPUT = {
  name: 'Alcohol',
  startedAt: '2025-03-03T08:00:00.000Z',
  moneyPerDayCents: 1250,
  currency: 'EUR',
  minutesPerDay: 120,
};
const SLIP = { at: '2025-04-01T20:00:00.000Z', note: 'a hard night' };

describe('ipc/sobriety', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    await sobriety.listClocks(true);
    await sobriety.createClock(INPUT);
    await sobriety.updateClock(4, INPUT);
    await sobriety.pinClock(4);
    await sobriety.archiveClock(4, false);
    await sobriety.deleteClock(4);
    await sobriety.clockDetail(4);
    await sobriety.recordSlip(4, SLIP);
    await sobriety.updateSlip(9, SLIP);
    await sobriety.deleteSlip(9);
    await sobriety.acknowledgeMilestone(4, 'days-30');
    await sobriety.getToday();
    await sobriety.morningCheckIn('Today I stay sober');
    await sobriety.eveningCheckIn({ sober: true, difficulty: 2, note: null });
    await sobriety.checkIns('2025-11-01', '2025-11-30');
    expect(tauriInvoke.mock.calls).toEqual([
      ['list_clocks', { includeArchived: true }],
      ['create_clock', { input: INPUT }],
      ['update_clock', { id: 4, input: INPUT }],
      ['pin_clock', { id: 4 }],
      ['archive_clock', { id: 4, archived: false }],
      ['delete_clock', { id: 4 }],
      ['clock_detail', { id: 4 }],
      ['record_slip', { clockId: 4, input: SLIP }],
      ['update_slip', { id: 9, input: SLIP }],
      ['delete_slip', { id: 9 }],
      ['acknowledge_milestone', { clockId: 4, key: 'days-30' }],
      ['today'],
      ['morning_check_in', { intention: 'Today I stay sober' }],
      ['evening_check_in', { input: { sober: true, difficulty: 2, note: null } }],
      ['check_ins', { from: '2025-11-01', to: '2025-11-30' }],
    ]);
  });

  it('turns a backend rejection into an IpcError that keeps the message', async () => {
    tauriInvoke.mockRejectedValue({ code: 'invalid_input', message: "The start can't be in the future." });
    const error = await sobriety.createClock(INPUT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'invalid_input', message: "The start can't be in the future." });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(sobriety).sort());
  });
});
