import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauriInvoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauriInvoke }));

import * as sos from './sos';
import * as mocked from './__mocks__/sos';
import { IpcError } from './IpcError';
import type { RelapsePlan } from './generated';

const PLAN: RelapsePlan = {
  warningSigns: ['Skipping meals'],
  highRiskSituations: [],
  highRiskTriggers: [21],
  copingStrategies: [],
  places: ['The library'],
  ifISlip: 'Call Sam.',
  updatedAt: null,
};

describe('ipc/sos', () => {
  beforeEach(() => {
    tauriInvoke.mockResolvedValue(undefined);
  });

  it('calls each backend command with camelCase arguments', async () => {
    const person = { name: 'Sam', phone: '555 0101', note: null };
    await sos.sosCrisisLines();
    await sos.sosCrisisHere();
    await sos.sosSetCountry('IE');
    await sos.sosSetCountry(null);
    await sos.sosPeople();
    await sos.sosAddPerson(person);
    await sos.sosUpdatePerson(3, person);
    await sos.sosRemovePerson(3);
    await sos.sosReasons();
    await sos.sosAddReason('My sister');
    await sos.sosUpdateReason(4, 'My sisters');
    await sos.sosRemoveReason(4);
    await sos.planGet();
    await sos.planSave(PLAN);
    await sos.planExport();
    expect(tauriInvoke.mock.calls).toEqual([
      ['sos_crisis_lines'],
      ['sos_crisis_here', { uiLocale: navigator.language }],
      ['sos_set_country', { country: 'IE', uiLocale: navigator.language }],
      ['sos_set_country', { country: null, uiLocale: navigator.language }],
      ['sos_people'],
      ['sos_add_person', { input: person }],
      ['sos_update_person', { id: 3, input: person }],
      ['sos_remove_person', { id: 3 }],
      ['sos_reasons'],
      ['sos_add_reason', { text: 'My sister' }],
      ['sos_update_reason', { id: 4, text: 'My sisters' }],
      ['sos_remove_reason', { id: 4 }],
      ['plan_get'],
      ['plan_save', { plan: PLAN }],
      ['plan_export', { language: 'en' }],
    ]);
  });

  it('turns a backend rejection into an IpcError that keeps the message', async () => {
    tauriInvoke.mockRejectedValue({ code: 'locked', message: 'The journal is locked.' });
    const error = await sos.sosPeople().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'locked' });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(sos).sort());
  });
});
