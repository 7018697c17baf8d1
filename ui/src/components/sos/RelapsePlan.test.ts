import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');
vi.mock('../../lib/ipc/moods');

import * as sos from '../../lib/ipc/sos';
import * as moods from '../../lib/ipc/moods';
import * as fixtures from '../../testing/sos';
import * as moodFixtures from '../../testing/moods';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import { runBeforeLock } from '../../lib/beforeLock';
import type { RelapsePlan as Plan } from '../../lib/bindings';
import RelapsePlan from './RelapsePlan.svelte';

const PATH = '/home/sam/Downloads/relapse-prevention-plan-2026-11-27.html';
const el = (id: string) => screen.getByTestId(id);
const texts = (field: string) =>
  screen.queryAllByTestId(`plan-item-${field}`).map((i) => i.querySelector('.text')?.textContent);

async function setup(plan: Plan = fixtures.plan()) {
  vi.mocked(sos.planGet).mockResolvedValue(plan);
  const onBack = vi.fn();
  const user = userEvent.setup();
  const view = render(RelapsePlan, { onBack });
  await screen.findByTestId('plan-save');
  await screen.findByTestId('plan-trigger-21');
  return { user, onBack, view };
}

describe('RelapsePlan', () => {
  beforeEach(() => {
    vi.mocked(sos.planSave).mockImplementation(async (plan) => ({
      ...plan,
      updatedAt: '2026-11-27T10:00:00.000Z',
    }));
    vi.mocked(sos.planExport).mockResolvedValue(PATH);
    vi.mocked(sos.sosPeople).mockResolvedValue([fixtures.person()]);
    vi.mocked(sos.sosReasons).mockResolvedValue([fixtures.reason()]);
    vi.mocked(moods.listTriggers).mockResolvedValue([
      ...moodFixtures.triggers(),
      moodFixtures.trigger({ id: 24, key: null, name: 'Old job', archived: true }),
    ]);
  });

  afterEach(() => {
    Reflect.deleteProperty(window, 'print');
  });

  it('loads the plan into a guided form, with my people and reasons', async () => {
    await setup();
    expect(el('relapse-plan').querySelector('h1')?.textContent).toBe('My relapse prevention plan');
    expect(texts('warningSigns')).toEqual(['Sleeping badly']);
    expect(texts('copingStrategies')).toEqual(['Go for a walk']);
    expect(texts('places')).toEqual(["My sister's house"]);
    expect(texts('highRiskSituations')).toEqual([]);
    expect((el('plan-if-i-slip') as HTMLTextAreaElement).value).toBe('Tell Sam the same day.');
    expect(el('plan-trigger-21').getAttribute('aria-pressed')).toBe('true');
    expect(el('plan-trigger-22').getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByTestId('plan-trigger-24')).toBeNull(); // archived and not in the plan
    expect(moods.listTriggers).toHaveBeenCalledWith(true);
    const person = await within(el('my-people')).findByTestId('person-row');
    expect(person.querySelector('.name')?.textContent).toBe('Sam');
    expect((await screen.findByTestId('reason-item')).textContent).toBe('To be there for my daughter');
    // Each part is explained in a plain sentence.
    expect(el('plan-warningSigns').textContent).toContain('tell you things are starting to slip');
  });

  it('adds and removes items, picks triggers, and saves exactly that plan', async () => {
    const { user } = await setup();
    await user.type(el('plan-input-warningSigns'), '  Skipping meetings ');
    await user.click(el('plan-add-warningSigns'));
    expect((el('plan-input-warningSigns') as HTMLInputElement).value).toBe('');
    await user.click(screen.getAllByTestId('plan-remove-warningSigns')[0]!);
    expect(texts('warningSigns')).toEqual(['Skipping meetings']);

    await user.type(el('plan-input-highRiskSituations'), 'Friday nights alone{Enter}');
    await user.type(el('plan-input-copingStrategies'), 'Call Sam');
    await user.click(el('plan-add-copingStrategies'));
    await user.click(screen.getAllByTestId('plan-remove-places')[0]!);
    await user.type(el('plan-input-places'), 'The library');
    await user.click(el('plan-add-places'));
    await user.click(el('plan-trigger-22'));
    await user.click(el('plan-trigger-21'));
    await user.type(el('plan-if-i-slip'), ' Then start again.');

    expect(screen.queryByTestId('plan-saved')).toBeNull();
    await user.click(el('plan-save'));
    expect(sos.planSave).toHaveBeenCalledTimes(1);
    expect(sos.planSave).toHaveBeenCalledWith({
      warningSigns: ['Skipping meetings'],
      highRiskSituations: ['Friday nights alone'],
      highRiskTriggers: [22],
      copingStrategies: ['Go for a walk', 'Call Sam'],
      places: ['The library'],
      ifISlip: 'Tell Sam the same day. Then start again.',
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect((await screen.findByTestId('plan-saved')).textContent).toBe('Saved.');

    await user.type(el('plan-input-places'), 'The park{Enter}');
    expect(screen.queryByTestId('plan-saved')).toBeNull();
  });

  it('asks for words before adding an empty item', async () => {
    const { user } = await setup();
    await user.click(el('plan-add-places'));
    expect(el('plan-list-error-places').textContent?.trim()).toBe('Type something first, then press Add.');
    expect(texts('places')).toEqual(["My sister's house"]);
    // Tied to its field, keeping the field's help text.
    const described = el('plan-input-places').getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(el('plan-input-places').getAttribute('aria-invalid')).toBe('true');
    expect(described).toContain(el('plan-list-error-places').id);
    expect(described).toHaveLength(2);
  });

  it('shows why the plan could not be saved', async () => {
    vi.mocked(sos.planSave).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'too_long', what: 'if_i_slip', max: 2000 },
      }),
    );
    const { user } = await setup();
    await user.click(el('plan-save'));
    expect((await screen.findByTestId('plan-error')).textContent).toBe(
      'Please keep “If I slip” under 2,000 characters.',
    );
    expect(screen.queryByTestId('plan-saved')).toBeNull();
  });

  it('exports after saving changes, and says where and that anyone can read it', async () => {
    const { user } = await setup();
    await user.type(el('plan-input-places'), 'The park{Enter}');
    await user.click(el('plan-export'));
    expect((await screen.findByTestId('plan-export-path')).textContent).toBe(PATH);
    expect(el('plan-export-warning').textContent).toContain('not encrypted');
    expect(el('plan-export-warning').textContent).toContain('Anyone who opens it can read your plan');
    expect(sos.planSave).toHaveBeenCalledWith(
      expect.objectContaining({ places: ["My sister's house", 'The park'] }),
    );
    expect(vi.mocked(sos.planSave).mock.invocationCallOrder[0]!).toBeLessThan(
      vi.mocked(sos.planExport).mock.invocationCallOrder[0]!,
    );
  });

  it('does not export when saving the changes failed', async () => {
    vi.mocked(sos.planSave).mockRejectedValue(new IpcError('io', 'x'));
    const { user } = await setup();
    await user.type(el('plan-input-places'), 'The park{Enter}');
    await user.click(el('plan-export'));
    expect(await screen.findByTestId('plan-error')).toBeTruthy();
    expect(sos.planExport).not.toHaveBeenCalled();
    expect(screen.queryByTestId('plan-export-path')).toBeNull();
  });

  it('shows a print view built from the plan, with the warning, and prints it', async () => {
    const print = vi.fn();
    window.print = print;
    const { user } = await setup();
    await user.type(el('plan-input-warningSigns'), 'Not answering texts{Enter}');
    await user.click(el('plan-print'));
    const view = el('plan-print-view');
    expect(print).toHaveBeenCalledTimes(1);
    expect(el('plan-print-warning').textContent).toContain('Anyone who sees it');
    expect(view.textContent).toContain('Not answering texts');
    expect(view.textContent).toContain('Stress'); // the picked trigger, by name
    expect(view.textContent).toContain('+44 7700 900123');
    expect(view.textContent).toContain('To be there for my daughter');
    expect(view.textContent).toContain('Tell Sam the same day.');
    expect(screen.queryByTestId('plan-save')).toBeNull();
    expect(el('plan-print-close').closest('.no-print')).not.toBeNull();

    await user.click(el('plan-print-again'));
    expect(print).toHaveBeenCalledTimes(2);
    await user.click(el('plan-print-close'));
    expect(screen.queryByTestId('plan-print-view')).toBeNull();
    expect(texts('warningSigns')).toEqual(['Sleeping badly', 'Not answering texts']);
  });

  it('saves changes when going back, and only then', async () => {
    const { user, onBack } = await setup();
    await user.click(el('plan-back'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(sos.planSave).not.toHaveBeenCalled();

    await user.type(el('plan-input-places'), 'The park{Enter}');
    await user.click(el('plan-back'));
    expect(sos.planSave).toHaveBeenCalledTimes(1);
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('stays when saving on the way back fails', async () => {
    vi.mocked(sos.planSave).mockRejectedValue(new IpcError('io', 'x'));
    const { user, onBack } = await setup();
    await user.type(el('plan-input-places'), 'The park{Enter}');
    await user.click(el('plan-back'));
    expect(await screen.findByTestId('plan-error')).toBeTruthy();
    expect(onBack).not.toHaveBeenCalled();
  });

  it('saves changes before the journal locks, and when the screen goes away', async () => {
    const { user, view } = await setup();
    await user.type(el('plan-input-places'), 'The park{Enter}');
    await runBeforeLock();
    expect(sos.planSave).toHaveBeenCalledTimes(1);

    await user.type(el('plan-input-places'), 'The beach{Enter}');
    view.unmount();
    expect(sos.planSave).toHaveBeenCalledTimes(2);
    expect(sos.planSave).toHaveBeenLastCalledWith(
      expect.objectContaining({ places: ["My sister's house", 'The park', 'The beach'] }),
    );
  });

  it('starts from an empty plan when none was saved', async () => {
    await setup(fixtures.emptyPlan());
    expect(texts('warningSigns')).toEqual([]);
    expect(el('plan-trigger-21').getAttribute('aria-pressed')).toBe('false');
    expect((el('plan-if-i-slip') as HTMLTextAreaElement).value).toBe('');
  });
});
