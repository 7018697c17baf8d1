import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/sobriety');

import * as moods from '../../lib/ipc/moods';
import { useLanguage } from '../../lib/i18n';
import * as sobriety from '../../lib/ipc/sobriety';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import type { CravingEvent, CravingInput } from '../../lib/bindings';
import * as fixtures from '../../testing/moods';
import { clock } from '../../testing/sobriety';
import CravingForm from './CravingForm.svelte';

function setup() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const onOpenSos = vi.fn();
  const user = userEvent.setup();
  render(CravingForm, { onSaved, onClose, onOpenSos });
  return { user, onSaved, onClose, onOpenSos };
}

function setupEdit(event: CravingEvent) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const onOpenSos = vi.fn();
  const user = userEvent.setup();
  render(CravingForm, { event, onSaved, onClose, onOpenSos });
  return { user, onSaved, onClose, onOpenSos };
}

/** A craving from yesterday evening that ended in a slip, with an archived trigger. */
function yesterday(overrides: Partial<CravingEvent> = {}): CravingEvent {
  return fixtures.cravingEvent({
    id: 57,
    at: new Date(2025, 3, 9, 21, 40, 12).toISOString(),
    strength: 8,
    triggers: [fixtures.label(21, 'Stress', false), fixtures.label(29, 'Old habit', false)],
    place: 'At work',
    people: 'Sam',
    actions: [fixtures.label(12, 'Went for a walk')],
    outcome: 'used',
    note: 'A hard one',
    slipId: 5,
    ...overrides,
  });
}

const el = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const sent = () => vi.mocked(moods.logCraving).mock.calls[0]![0] as CravingInput;

describe('CravingForm', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 3, 10, 14, 30, 45));
    vi.mocked(moods.listTriggers).mockResolvedValue([
      ...fixtures.triggers(),
      fixtures.trigger({ id: 29, name: 'Old habit', archived: true }),
    ]);
    vi.mocked(moods.listCopingActions).mockResolvedValue(fixtures.copingActions());
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent());
    vi.mocked(sobriety.listClocks).mockResolvedValue([
      clock({ id: 1, name: 'Alcohol' }),
      clock({ id: 2, name: 'Cannabis', pinned: false }),
    ]);
  });

  afterEach(() => {
    vi.useRealTimers();
    useLanguage(null);
  });

  it('offers the active triggers and the coping actions as chips', async () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Log a craving' })).toBeTruthy();
    expect(await screen.findByTestId('trigger-22')).toBeTruthy();
    expect(screen.queryByTestId('trigger-29')).toBeNull();
    expect(moods.listTriggers).toHaveBeenCalledWith(false);
    expect(el('action-12').textContent?.trim()).toBe('Went for a walk');
    expect(el('craving-date').value).toBe('2025-04-10');
    expect(el('craving-time').value).toBe('14:30');
    expect(screen.getByTestId('craving-form').textContent).not.toMatch(/addict|clean|dirty|fail|relapse/i);
  });

  it('saves what happened, with the chosen chips and an action of your own', async () => {
    vi.mocked(moods.addCopingAction).mockResolvedValue(fixtures.label(15, 'Played guitar', false));
    const { user, onSaved } = setup();
    await user.click(await screen.findByTestId('trigger-21'));
    await user.click(el('trigger-23'));
    await user.click(el('trigger-21'));
    expect(el('trigger-21').getAttribute('aria-pressed')).toBe('false');
    expect(el('trigger-23').getAttribute('aria-pressed')).toBe('true');
    await user.click(el('action-11'));
    await user.type(el('action-add-input'), 'Played guitar');
    await user.click(el('action-add'));
    expect(moods.addCopingAction).toHaveBeenCalledWith('Played guitar');
    expect((await screen.findByTestId('action-15')).getAttribute('aria-pressed')).toBe('true');
    await fireEvent.input(el('craving-strength'), { target: { value: '8' } });
    expect(screen.getByTestId('craving-strength-value').textContent).toBe('8 · strong');
    await user.type(el('craving-place'), 'At home');
    await fireEvent.input(el('craving-time'), { target: { value: '13:05' } });
    await user.click(el('outcome-passed'));
    await user.type(el('craving-note'), 'It went away');
    await user.click(el('craving-save'));
    expect(moods.logCraving).toHaveBeenCalledWith({
      at: new Date(2025, 3, 10, 13, 5).toISOString(),
      strength: 8,
      triggers: [23],
      place: 'At home',
      people: null,
      actions: [11, 15],
      outcome: 'passed',
      note: 'It went away',
    });
    expect((await screen.findByTestId('craving-saved')).textContent).toContain('The urge passed');
    expect(onSaved).toHaveBeenCalledWith(fixtures.cravingEvent());
    expect(sobriety.listClocks).not.toHaveBeenCalled();
  });

  it('asks what happened before saving', async () => {
    const { user } = setup();
    await user.click(el('craving-save'));
    expect(el('craving-error').textContent).toBe('Please choose what happened.');
    expect(moods.logCraving).not.toHaveBeenCalled();
  });

  it('after "I used", can record a slip on a chosen clock, then says kind words', async () => {
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent({ outcome: 'used', slipId: 5 }));
    const { user, onOpenSos } = setup();
    expect(screen.queryByTestId('craving-slip-clock')).toBeNull();
    await user.click(el('outcome-used'));
    const select = (await screen.findByTestId('craving-slip-clock')) as HTMLSelectElement;
    expect(sobriety.listClocks).toHaveBeenCalledWith(false);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Don't record a slip",
      'Alcohol',
      'Cannabis',
    ]);
    expect(select.value).toBe('');
    await user.selectOptions(select, 'Cannabis');
    await user.click(el('craving-save'));
    expect(sent()).toMatchObject({ outcome: 'used', slipClockId: 2 });
    const done = await screen.findByTestId('craving-saved');
    expect(done.textContent).toContain('What you did before still counts.');
    expect(el('craving-slip-recorded').textContent).toContain('your Cannabis clock');
    expect(screen.getByRole('dialog', { name: 'Thank you for being honest' })).toBeTruthy();
    await user.click(el('craving-open-sos'));
    expect(onOpenSos).toHaveBeenCalledTimes(1);
  });

  it("names the clock of the slip in the person's language", async () => {
    useLanguage('es');
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent({ outcome: 'used', slipId: 5 }));
    const { user } = setup();
    await user.click(el('outcome-used'));
    await user.selectOptions(await screen.findByTestId('craving-slip-clock'), 'Cannabis');
    await user.click(el('craving-save'));
    await screen.findByTestId('craving-saved');
    expect(el('craving-slip-recorded').textContent).toContain(
      'Se ha anotado un desliz en tu contador «Cannabis».',
    );
  });

  it('sends no slipClockId when no clock is chosen', async () => {
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent({ outcome: 'used' }));
    const { user } = setup();
    await user.click(el('outcome-used'));
    await screen.findByTestId('craving-slip-clock');
    await user.click(el('craving-save'));
    expect(sent().outcome).toBe('used');
    expect('slipClockId' in sent()).toBe(false);
    expect((await screen.findByTestId('craving-saved')).textContent).toContain(
      'What you did before still counts.',
    );
    expect(screen.queryByTestId('craving-slip-recorded')).toBeNull();
  });

  it('drops the chosen clock when the outcome changes', async () => {
    const { user } = setup();
    await user.click(el('outcome-used'));
    await user.selectOptions(await screen.findByTestId('craving-slip-clock'), 'Alcohol');
    await user.click(el('outcome-passed'));
    expect(screen.queryByTestId('craving-slip-clock')).toBeNull();
    await user.click(el('craving-save'));
    expect('slipClockId' in sent()).toBe(false);
  });

  it('offers SOS and urge surfing when still struggling', async () => {
    const { user, onOpenSos } = setup();
    expect(screen.queryByTestId('craving-sos-offer')).toBeNull();
    await user.click(el('outcome-struggling'));
    const offer = screen.getByTestId('craving-sos-offer');
    expect(offer.textContent).toContain('urge surfing');
    await user.click(el('craving-open-sos'));
    expect(onOpenSos).toHaveBeenCalledTimes(1);
    expect(moods.logCraving).not.toHaveBeenCalled();
  });

  it('keeps the SOS offer after saving a struggle', async () => {
    vi.mocked(moods.logCraving).mockResolvedValue(fixtures.cravingEvent({ outcome: 'struggling' }));
    const { user, onClose } = setup();
    await user.click(el('outcome-struggling'));
    await user.click(el('craving-save'));
    expect((await screen.findByTestId('craving-saved')).contains(el('craving-open-sos'))).toBe(true);
    await user.click(el('craving-done'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("shows the backend's words when it refuses", async () => {
    vi.mocked(moods.logCraving).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'in_future', what: 'craving' },
      }),
    );
    const { user, onSaved } = setup();
    await user.click(el('outcome-passed'));
    await user.click(el('craving-save'));
    expect((await screen.findByTestId('craving-error')).textContent).toBe(
      "A craving can't be logged in the future.",
    );
    expect(screen.queryByTestId('craving-saved')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('can be cancelled', async () => {
    const { user, onClose } = setup();
    await user.click(el('craving-cancel'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(moods.logCraving).not.toHaveBeenCalled();
  });

  describe('editing a craving', () => {
    const updateSent = () => vi.mocked(moods.updateCraving).mock.calls[0]![1];

    it('starts from every field of the craving, and offers no slip', async () => {
      setupEdit(yesterday());
      expect(screen.getByRole('dialog', { name: 'Edit craving' })).toBeTruthy();
      expect(el('craving-strength').value).toBe('8');
      expect(screen.getByTestId('craving-strength-value').textContent).toBe('8 · strong');
      expect(await screen.findByTestId('trigger-22')).toBeTruthy();
      // The archived trigger it names stays, ticked, after the list of active ones loads.
      expect(
        ['trigger-21', 'trigger-22', 'trigger-23', 'trigger-29'].map((id) =>
          el(id).getAttribute('aria-pressed'),
        ),
      ).toEqual(['true', 'false', 'false', 'true']);
      expect(el('action-11').getAttribute('aria-pressed')).toBe('false');
      expect(el('action-12').getAttribute('aria-pressed')).toBe('true');
      expect(el('craving-place').value).toBe('At work');
      expect(el('craving-people').value).toBe('Sam');
      expect(el('outcome-used').checked).toBe(true);
      expect(el('outcome-passed').checked).toBe(false);
      expect(el('craving-note').value).toBe('A hard one');
      expect(el('craving-date').value).toBe('2025-04-09');
      expect(el('craving-time').value).toBe('21:40');
      expect(el('craving-save').textContent?.trim()).toBe('Save changes');
      expect(screen.queryByTestId('craving-used-offer')).toBeNull();
      expect(screen.queryByTestId('craving-slip-clock')).toBeNull();
      expect(screen.getByTestId('craving-used-note').textContent).toContain(
        'The slip recorded with this craving stays',
      );
      expect(sobriety.listClocks).not.toHaveBeenCalled();
    });

    it('saves the changes with updateCraving, without a slipClockId', async () => {
      const updated = yesterday({ strength: 4 });
      vi.mocked(moods.updateCraving).mockResolvedValue(updated);
      const { user, onSaved } = setupEdit(yesterday());
      await user.click(await screen.findByTestId('trigger-29'));
      await user.click(el('trigger-23'));
      await fireEvent.input(el('craving-strength'), { target: { value: '4' } });
      await user.clear(el('craving-people'));
      await user.click(el('craving-save'));
      expect(moods.updateCraving).toHaveBeenCalledTimes(1);
      expect(vi.mocked(moods.updateCraving).mock.calls[0]![0]).toBe(57);
      expect(updateSent()).toEqual({
        at: new Date(2025, 3, 9, 21, 40, 12).toISOString(),
        strength: 4,
        triggers: [21, 23],
        place: 'At work',
        people: null,
        actions: [12],
        outcome: 'used',
        note: 'A hard one',
      });
      expect('slipClockId' in updateSent()).toBe(false);
      expect(moods.logCraving).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(updated));
      // The host closes the form; no "thank you" screen for a correction.
      expect(screen.queryByTestId('craving-saved')).toBeNull();
      expect(sobriety.listClocks).not.toHaveBeenCalled();
    });

    it('never offers a slip when the outcome is changed to "I used"', async () => {
      vi.mocked(moods.updateCraving).mockResolvedValue(yesterday());
      const { user } = setupEdit(yesterday({ outcome: 'passed', slipId: null }));
      expect(el('outcome-passed').checked).toBe(true);
      await user.click(el('outcome-used'));
      expect(screen.getByTestId('craving-used-note').textContent).toContain("doesn't record a slip");
      expect(screen.queryByTestId('craving-slip-clock')).toBeNull();
      await fireEvent.input(el('craving-time'), { target: { value: '22:05' } });
      await user.click(el('craving-save'));
      expect(updateSent()).toMatchObject({ outcome: 'used', at: new Date(2025, 3, 9, 22, 5).toISOString() });
      expect('slipClockId' in updateSent()).toBe(false);
      expect(sobriety.listClocks).not.toHaveBeenCalled();
    });

    it('says so when the craving is gone', async () => {
      vi.mocked(moods.updateCraving).mockRejectedValue(new IpcError('not_found', 'x'));
      const { user, onSaved } = setupEdit(yesterday());
      await user.click(el('craving-save'));
      expect((await screen.findByTestId('craving-error')).textContent).toBe(
        "This craving couldn't be found. It may have been deleted.",
      );
      expect(onSaved).not.toHaveBeenCalled();
    });
  });
});
