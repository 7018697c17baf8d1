import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as moods from './moods';
import * as mocked from './__mocks__/moods';
import { IpcError } from './IpcError';
import type { CravingInput, MoodInput } from './generated';

const MOOD: MoodInput = {
  at: '2025-04-01T20:00:00.000Z',
  mood: 4,
  emotions: [1, 3],
  craving: 2,
  halt: { hungry: false, angry: false, lonely: true, tired: false },
  sleepHours: 7.5,
  note: null,
};
const CRAVING: CravingInput = {
  at: '2025-04-01T20:00:00.000Z',
  strength: 6,
  triggers: [2],
  place: null,
  people: null,
  actions: [5],
  outcome: 'used',
  note: null,
  slipClockId: 1,
};

describe('ipc/moods', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    await moods.logMood(MOOD);
    await moods.updateMood(3, MOOD);
    await moods.getMood(3);
    await moods.logCraving(CRAVING);
    await moods.updateCraving(4, CRAVING);
    await moods.getCraving(4);
    await moods.listTriggers(true);
    await moods.createTrigger('Payday');
    await moods.renameTrigger(2, 'Friday payday');
    await moods.archiveTrigger(2, false);
    await moods.mergeTriggers(2, 7);
    await moods.listEmotions();
    await moods.addEmotion('restless');
    await moods.listCopingActions();
    await moods.addCopingAction('Went for a walk');
    expect(tauriInvoke.mock.calls).toEqual([
      ['log_mood', { input: MOOD }],
      ['update_mood', { id: 3, input: MOOD }],
      ['get_mood', { id: 3 }],
      ['log_craving', { input: CRAVING }],
      ['update_craving', { id: 4, input: CRAVING }],
      ['get_craving', { id: 4 }],
      ['list_triggers', { includeArchived: true }],
      ['create_trigger', { name: 'Payday' }],
      ['rename_trigger', { id: 2, name: 'Friday payday' }],
      ['archive_trigger', { id: 2, archived: false }],
      ['merge_triggers', { from: 2, into: 7 }],
      ['list_emotions'],
      ['add_emotion', { name: 'restless' }],
      ['list_coping_actions'],
      ['add_coping_action', { name: 'Went for a walk' }],
    ]);
  });

  it('turns a backend rejection into an IpcError that keeps the message', async () => {
    tauriInvoke.mockRejectedValue({
      code: 'invalid_input',
      message: 'There is already a trigger with that name.',
    });
    const error = await moods.createTrigger('Payday').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'There is already a trigger with that name.',
    });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(moods).sort());
  });
});
