import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/moods');

import * as moods from '../../lib/ipc/moods';
import type { MoodEntry } from '../../lib/bindings';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import * as fixtures from '../../testing/moods';
import { restoreTimeZone, useTimeZone } from '../../testing/timeZone';
import MoodForm from './MoodForm.svelte';

function setup() {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(MoodForm, { onSaved, onCancel });
  return { user, onSaved, onCancel };
}

function setupEdit(entry: MoodEntry) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(MoodForm, { entry, onSaved, onCancel });
  return { user, onSaved, onCancel };
}

/** A mood from last night (New York time), with a bit of everything filled in. */
function lastNight(overrides: Partial<MoodEntry> = {}): MoodEntry {
  return fixtures.moodEntry({
    id: 41,
    at: '2025-04-10T00:15:42.000Z', // April 9, 20:15:42 in New York
    mood: 2,
    emotions: [fixtures.label(2, 'anxious'), fixtures.label(3, 'sad')],
    craving: 6,
    halt: { hungry: false, angry: true, lonely: false, tired: true },
    sleepHours: 5.5,
    note: 'Long day',
    ...overrides,
  });
}

const el = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const checked = () => [1, 2, 3, 4, 5].filter((n) => el(`mood-${n}`).getAttribute('aria-checked') === 'true');

describe('MoodForm', () => {
  beforeEach(() => {
    useTimeZone('America/New_York');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 3, 10, 14, 30, 45));
    vi.mocked(moods.listEmotions).mockResolvedValue(fixtures.emotions());
    vi.mocked(moods.logMood).mockResolvedValue(fixtures.moodEntry());
  });

  afterEach(() => {
    vi.useRealTimers();
    restoreTimeZone();
  });

  it('opens as a dialog on the mood faces, at now', async () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'How are you feeling?' })).toBeTruthy();
    const group = screen.getByRole('radiogroup', { name: 'Right now I feel…' });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.textContent?.trim())).toEqual(['awful', 'bad', 'okay', 'good', 'great']);
    expect(radios.every((r) => group.contains(r) && r.tagName === 'BUTTON')).toBe(true);
    expect(radios[0]!.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(document.activeElement).toBe(el('mood-1'));
    expect(checked()).toEqual([]);
    expect(el('mood-date').value).toBe('2025-04-10');
    expect(el('mood-time').value).toBe('14:30');
    expect(el('mood-date').max).toBe('2025-04-10');
    expect(screen.getByTestId('mood-form').textContent).toContain('hungry, angry, lonely or tired');
    expect(await screen.findByTestId('emotion-2')).toBeTruthy();
  });

  it('chooses a mood with a click', async () => {
    const { user } = setup();
    await user.click(el('mood-4'));
    expect(checked()).toEqual([4]);
    await user.click(el('mood-2'));
    expect(checked()).toEqual([2]);
    expect(el('mood-2').tabIndex).toBe(0);
    expect(el('mood-4').tabIndex).toBe(-1);
  });

  it('moves through the moods with the arrow keys, choosing as it goes', async () => {
    const { user } = setup();
    el('mood-1').focus();
    await user.keyboard('{ArrowRight}');
    expect(checked()).toEqual([2]);
    expect(document.activeElement).toBe(el('mood-2'));
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(checked()).toEqual([4]);
    await user.keyboard('{ArrowLeft}');
    expect(checked()).toEqual([3]);
    await user.keyboard('{End}{ArrowRight}');
    expect(checked()).toEqual([1]);
    expect(document.activeElement).toBe(el('mood-1'));
    await user.keyboard('{ArrowUp}');
    expect(checked()).toEqual([5]);
    await user.keyboard('2');
    expect(checked()).toEqual([2]);
  });

  it('saves the exact mood input, backdated, then reports it', async () => {
    const { user, onSaved } = setup();
    await user.click(el('mood-2'));
    await user.click(await screen.findByTestId('emotion-2'));
    await user.click(el('emotion-3'));
    await user.click(el('emotion-3'));
    expect(el('emotion-2').getAttribute('aria-pressed')).toBe('true');
    expect(el('emotion-3').getAttribute('aria-pressed')).toBe('false');
    await fireEvent.input(el('mood-craving'), { target: { value: '6' } });
    expect(screen.getByTestId('mood-craving-value').textContent).toBe('6 · moderate');
    await user.click(el('halt-lonely'));
    await user.click(el('halt-tired'));
    await user.type(el('mood-sleep'), '5.5');
    await user.type(el('mood-note'), '  Long day  ');
    await fireEvent.input(el('mood-date'), { target: { value: '2025-04-08' } });
    await fireEvent.input(el('mood-time'), { target: { value: '21:00' } });
    await user.click(el('mood-save'));
    expect(moods.logMood).toHaveBeenCalledWith({
      at: '2025-04-09T01:00:00.000Z',
      mood: 2,
      emotions: [2],
      craving: 6,
      halt: { hungry: false, angry: false, lonely: true, tired: true },
      sleepHours: 5.5,
      note: 'Long day',
    });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(fixtures.moodEntry()));
  });

  it('sends nulls and zero for what was left alone', async () => {
    const { user } = setup();
    await user.click(el('mood-5'));
    await user.click(el('mood-save'));
    expect(moods.logMood).toHaveBeenCalledWith({
      at: new Date(2025, 3, 10, 14, 30).toISOString(),
      mood: 5,
      emotions: [],
      craving: 0,
      halt: { hungry: false, angry: false, lonely: false, tired: false },
      sleepHours: null,
      note: null,
    });
  });

  it('adds an emotion of your own and selects it', async () => {
    vi.mocked(moods.addEmotion).mockResolvedValue(fixtures.label(9, 'restless', false));
    const { user } = setup();
    await screen.findByTestId('emotion-1');
    await user.type(el('emotion-add-input'), ' restless {Enter}');
    expect(moods.addEmotion).toHaveBeenCalledWith('restless');
    expect((await screen.findByTestId('emotion-9')).getAttribute('aria-pressed')).toBe('true');
    expect(el('emotion-add-input').value).toBe('');
    expect(moods.logMood).not.toHaveBeenCalled();
  });

  it('selects the existing emotion when the name is already there', async () => {
    vi.mocked(moods.addEmotion).mockResolvedValue(fixtures.label(3, 'sad'));
    const { user } = setup();
    await screen.findByTestId('emotion-3');
    await user.type(el('emotion-add-input'), 'Sad');
    await user.click(el('emotion-add'));
    await vi.waitFor(() => expect(el('emotion-3').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getAllByTestId(/^emotion-\d+$/)).toHaveLength(3);
  });

  it('saves with Ctrl+Enter from a field', async () => {
    const { user } = setup();
    await user.click(el('mood-3'));
    await user.type(el('mood-note'), 'ok');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(moods.logMood).toHaveBeenCalledWith(expect.objectContaining({ mood: 3, note: 'ok' }));
  });

  it('asks for a mood before saving', async () => {
    const { user, onSaved } = setup();
    await user.click(el('mood-save'));
    expect(screen.getByTestId('mood-error').textContent).toBe(
      "Please choose how you're feeling, from awful to great.",
    );
    expect(moods.logMood).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('ties a missing mood to the faces, and focuses the first', async () => {
    const { user } = setup();
    await user.click(el('mood-save'));
    const faces = screen.getByRole('radiogroup');
    const error = screen.getByTestId('mood-error');
    expect(faces.getAttribute('aria-invalid')).toBe('true');
    expect(faces.getAttribute('aria-describedby')).toBe(error.id);
    expect(error.getAttribute('role')).toBeNull(); // not an alert: it is read with the faces
    await vi.waitFor(() => expect(document.activeElement).toBe(el('mood-1')));
    expect(el('mood-sleep').hasAttribute('aria-invalid')).toBe(false);

    await user.click(el('mood-3'));
    await fireEvent.input(el('mood-time'), { target: { value: '14:31' } });
    await user.click(el('mood-save'));
    expect(faces.hasAttribute('aria-invalid')).toBe(false);
    const when = screen.getByTestId('mood-error');
    for (const field of [el('mood-date'), el('mood-time')]) {
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toBe(when.id);
    }
  });

  it('shows a failure of the whole form as an alert, tied to no field', async () => {
    vi.mocked(moods.logMood).mockRejectedValue(new IpcError('disk_full', ''));
    const { user } = setup();
    await user.click(el('mood-3'));
    await user.click(el('mood-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('mood-error');
    expect(document.querySelector('[aria-invalid]')).toBeNull();
  });

  it('refuses a time in the future', async () => {
    const { user } = setup();
    await user.click(el('mood-3'));
    await fireEvent.input(el('mood-time'), { target: { value: '14:31' } });
    await user.click(el('mood-save'));
    expect(screen.getByTestId('mood-error').textContent).toBe("A mood can't be in the future.");
    expect(moods.logMood).not.toHaveBeenCalled();
  });

  it("shows the backend's words when it refuses", async () => {
    vi.mocked(moods.logMood).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'out_of_range', what: 'sleep', min: 0, max: 24 },
      }),
    );
    const { user, onSaved } = setup();
    await user.click(el('mood-3'));
    await user.click(el('mood-save'));
    expect((await screen.findByTestId('mood-error')).textContent).toBe(
      'Sleep should be between 0 and 24 hours.',
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(el('mood-save').disabled).toBe(false);
  });

  it('still works when the emotions cannot be loaded', async () => {
    vi.mocked(moods.listEmotions).mockRejectedValue(new IpcError('io', 'x'));
    const { user } = setup();
    expect((await screen.findByTestId('emotion-load-error')).textContent).toContain(
      'You can still save your mood',
    );
    await user.click(el('mood-1'));
    await user.click(el('mood-save'));
    expect(moods.logMood).toHaveBeenCalledWith(expect.objectContaining({ mood: 1, emotions: [] }));
  });

  it('can be cancelled with the button or Escape', async () => {
    const { user, onCancel } = setup();
    await user.click(el('mood-cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(moods.logMood).not.toHaveBeenCalled();
  });

  describe('editing an entry', () => {
    it('starts from every field of the entry', async () => {
      setupEdit(lastNight());
      expect(screen.getByRole('dialog', { name: 'Edit mood' })).toBeTruthy();
      expect(checked()).toEqual([2]);
      expect(document.activeElement).toBe(el('mood-2'));
      expect(await screen.findByTestId('emotion-1')).toBeTruthy();
      expect(
        ['emotion-1', 'emotion-2', 'emotion-3'].map((id) => el(id).getAttribute('aria-pressed')),
      ).toEqual(['false', 'true', 'true']);
      expect(el('mood-craving').value).toBe('6');
      expect(screen.getByTestId('mood-craving-value').textContent).toBe('6 · moderate');
      expect(['hungry', 'angry', 'lonely', 'tired'].map((k) => el(`halt-${k}`).checked)).toEqual([
        false,
        true,
        false,
        true,
      ]);
      expect(el('mood-sleep').value).toBe('5.5');
      expect(el('mood-note').value).toBe('Long day');
      expect(el('mood-date').value).toBe('2025-04-09');
      expect(el('mood-time').value).toBe('20:15');
      expect(el('mood-save').textContent?.trim()).toBe('Save changes');
    });

    it('saves the changes with updateMood, keeping the exact time when it is unchanged', async () => {
      const updated = lastNight({ mood: 4, emotions: [fixtures.label(2, 'anxious')] });
      vi.mocked(moods.updateMood).mockResolvedValue(updated);
      const { user, onSaved } = setupEdit(lastNight());
      await user.click(el('mood-4'));
      await user.click(await screen.findByTestId('emotion-3'));
      expect(el('emotion-3').getAttribute('aria-pressed')).toBe('false');
      await user.click(el('mood-save'));
      expect(moods.updateMood).toHaveBeenCalledWith(41, {
        at: '2025-04-10T00:15:42.000Z',
        mood: 4,
        emotions: [2],
        craving: 6,
        halt: { hungry: false, angry: true, lonely: false, tired: true },
        sleepHours: 5.5,
        note: 'Long day',
      });
      expect(moods.logMood).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(updated));
    });

    it('sends the new time when it is moved, and leaves an unrecorded craving unrecorded', async () => {
      vi.mocked(moods.updateMood).mockResolvedValue(lastNight());
      const { user } = setupEdit(lastNight({ craving: null, sleepHours: null, note: null, emotions: [] }));
      expect(el('mood-craving').value).toBe('0');
      expect(el('mood-note').value).toBe('');
      await fireEvent.input(el('mood-time'), { target: { value: '21:00' } });
      await user.click(el('mood-save'));
      expect(moods.updateMood).toHaveBeenCalledWith(41, {
        at: '2025-04-10T01:00:00.000Z',
        mood: 2,
        emotions: [],
        craving: null,
        halt: { hungry: false, angry: true, lonely: false, tired: true },
        sleepHours: null,
        note: null,
      });
    });

    it("keeps an emotion the word list doesn't have, so it can still be unticked", async () => {
      vi.mocked(moods.updateMood).mockResolvedValue(lastNight());
      const { user } = setupEdit(lastNight({ emotions: [fixtures.label(9, 'restless', false)] }));
      expect(el('emotion-9').getAttribute('aria-pressed')).toBe('true');
      await screen.findByTestId('emotion-1');
      expect(screen.getAllByTestId(/^emotion-\d+$/).map((b) => b.dataset.testid)).toEqual([
        'emotion-1',
        'emotion-2',
        'emotion-3',
        'emotion-9',
      ]);
      expect(el('emotion-9').getAttribute('aria-pressed')).toBe('true');
      await user.click(el('emotion-9'));
      await user.click(el('mood-save'));
      expect(moods.updateMood).toHaveBeenCalledWith(41, expect.objectContaining({ emotions: [] }));
    });

    it('says so when the entry is gone', async () => {
      vi.mocked(moods.updateMood).mockRejectedValue(new IpcError('not_found', 'x'));
      const { user, onSaved } = setupEdit(lastNight());
      await user.click(el('mood-save'));
      expect((await screen.findByTestId('mood-error')).textContent).toBe(
        "This mood couldn't be found. It may have been deleted.",
      );
      expect(onSaved).not.toHaveBeenCalled();
      expect(el('mood-save').disabled).toBe(false);
    });
  });
});
