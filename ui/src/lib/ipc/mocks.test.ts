import { describe, expect, it } from 'vitest';

import * as backup from './backup';
import * as data from './data';
import * as journal from './journal';
import * as library from './library';
import * as moods from './moods';
import * as preferences from './preferences';
import * as reminders from './reminders';
import * as sobriety from './sobriety';
import * as sos from './sos';
import * as sync from './sync';
import * as system from './system';
import * as vault from './vault';
import * as backupMock from './__mocks__/backup';
import * as dataMock from './__mocks__/data';
import * as journalMock from './__mocks__/journal';
import * as libraryMock from './__mocks__/library';
import * as moodsMock from './__mocks__/moods';
import * as preferencesMock from './__mocks__/preferences';
import * as remindersMock from './__mocks__/reminders';
import * as sobrietyMock from './__mocks__/sobriety';
import * as sosMock from './__mocks__/sos';
import * as syncMock from './__mocks__/sync';
import * as systemMock from './__mocks__/system';
import * as vaultMock from './__mocks__/vault';

// Each mock module must be able to stand in for the real one: `satisfies` makes a mock whose
// function has another type than the real (generated) one fail to compile; the test below
// makes a missing or extra name fail.
const pairs = {
  backup: [backup, backupMock satisfies typeof backup],
  data: [data, dataMock satisfies typeof data],
  journal: [journal, journalMock satisfies typeof journal],
  library: [library, libraryMock satisfies typeof library],
  moods: [moods, moodsMock satisfies typeof moods],
  preferences: [preferences, preferencesMock satisfies typeof preferences],
  reminders: [reminders, remindersMock satisfies typeof reminders],
  sobriety: [sobriety, sobrietyMock satisfies typeof sobriety],
  sos: [sos, sosMock satisfies typeof sos],
  sync: [sync, syncMock satisfies typeof sync],
  system: [system, systemMock satisfies typeof system],
  vault: [vault, vaultMock satisfies typeof vault],
} as const;

describe('ipc mocks', () => {
  it.each(Object.entries(pairs))('%s has a mock for every export, and nothing else', (_, [real, mock]) => {
    expect(Object.keys(mock).sort()).toEqual(Object.keys(real).sort());
  });
});
