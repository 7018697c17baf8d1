// Ready-made backend answers for the mood and craving tests. Each call returns a fresh object.
import type { CravingEvent, Label, MoodEntry, Trigger } from '../lib/bindings';

export function label(id: number, name: string, builtin = true): Label {
  return { id, name, builtin };
}

export function emotions(): Label[] {
  return [label(1, 'calm'), label(2, 'anxious'), label(3, 'sad')];
}

export function copingActions(): Label[] {
  return [label(11, 'Called someone'), label(12, 'Went for a walk')];
}

export function trigger(overrides: Partial<Trigger> = {}): Trigger {
  return { id: 21, key: 'stress', name: 'Stress', archived: false, uses: 3, ...overrides };
}

export function triggers(): Trigger[] {
  return [
    trigger(),
    trigger({ id: 22, key: null, name: 'Payday', uses: 0 }),
    trigger({ id: 23, key: null, name: 'Getting paid', uses: 1 }),
  ];
}

export function moodEntry(overrides: Partial<MoodEntry> = {}): MoodEntry {
  return {
    id: 100,
    at: '2025-04-10T18:30:00.000Z',
    mood: 4,
    emotions: [],
    craving: 0,
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    sleepHours: null,
    note: null,
    ...overrides,
  };
}

export function cravingEvent(overrides: Partial<CravingEvent> = {}): CravingEvent {
  return {
    id: 200,
    at: '2025-04-10T18:30:00.000Z',
    strength: 5,
    triggers: [],
    place: null,
    people: null,
    actions: [],
    outcome: 'passed',
    note: null,
    slipId: null,
    ...overrides,
  };
}
