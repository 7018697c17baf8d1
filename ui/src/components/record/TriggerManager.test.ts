import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/moods');

import * as moods from '../../lib/ipc/moods';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import * as fixtures from '../../testing/moods';
import TriggerManager from './TriggerManager.svelte';

function setup() {
  const user = userEvent.setup();
  const result = render(TriggerManager, {});
  return { user, ...result };
}

const el = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const rowOf = (id: number) =>
  document.querySelector<HTMLElement>(`[data-testid="trigger-row"][data-trigger-id="${id}"]`)!;
const names = () => screen.queryAllByTestId('trigger-row').map((r) => r.querySelector('.name')?.textContent);

describe('TriggerManager', () => {
  beforeEach(() => {
    vi.mocked(moods.listTriggers).mockResolvedValue(fixtures.triggers());
    vi.mocked(moods.createTrigger).mockResolvedValue(fixtures.trigger({ id: 30, name: 'Parties' }));
    vi.mocked(moods.renameTrigger).mockResolvedValue(fixtures.trigger({ name: 'Work stress' }));
    vi.mocked(moods.archiveTrigger).mockResolvedValue(undefined);
    vi.mocked(moods.mergeTriggers).mockResolvedValue(fixtures.trigger({ id: 22 }));
  });

  it('lists the active triggers with how often each was noted', async () => {
    setup();
    await screen.findAllByTestId('trigger-row');
    expect(moods.listTriggers).toHaveBeenCalledWith(false);
    expect(names()).toEqual(['Stress', 'Payday', 'Getting paid']);
    expect(within(rowOf(21)).getByTestId('trigger-uses').textContent).toBe('Noted 3 times');
    expect(within(rowOf(22)).getByTestId('trigger-uses').textContent).toBe('Not noted yet');
    expect(within(rowOf(23)).getByTestId('trigger-uses').textContent).toBe('Noted 1 time');
  });

  it('says so when the list is empty', async () => {
    vi.mocked(moods.listTriggers).mockResolvedValue([]);
    setup();
    expect((await screen.findByTestId('triggers-empty')).textContent).toContain(
      'No triggers in your list yet',
    );
    expect(screen.queryByTestId('trigger-row')).toBeNull();
  });

  it('adds a trigger and reloads', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.type(el('trigger-add-input'), '  Parties {Enter}');
    expect(moods.createTrigger).toHaveBeenCalledWith('Parties');
    await vi.waitFor(() => expect(moods.listTriggers).toHaveBeenCalledTimes(2));
    expect(el('trigger-add-input').value).toBe('');
  });

  it('does not add an empty name', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(el('trigger-add'));
    expect(el('trigger-error').textContent).toContain('Type a trigger first');
    expect(moods.createTrigger).not.toHaveBeenCalled();
    // The message belongs to the add field, so a screen reader reads it with the field.
    expect(el('trigger-add-input').getAttribute('aria-invalid')).toBe('true');
    expect(el('trigger-add-input').getAttribute('aria-describedby')).toBe(el('trigger-error').id);
  });

  it("shows the backend's words when adding fails, and keeps what was typed", async () => {
    vi.mocked(moods.createTrigger).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'name_taken' } }),
    );
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.type(el('trigger-add-input'), 'payday');
    await user.click(el('trigger-add'));
    expect((await screen.findByTestId('trigger-error')).textContent?.trim()).toBe(
      'There is already a trigger with that name.',
    );
    expect(el('trigger-add-input').value).toBe('payday');
  });

  it('renames a trigger in place', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(21)).getByTestId('trigger-rename'));
    const input = el('trigger-rename-input');
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('Stress');
    await user.clear(input);
    await user.type(input, 'Work stress');
    await user.click(el('trigger-rename-save'));
    expect(moods.renameTrigger).toHaveBeenCalledWith(21, 'Work stress');
    await vi.waitFor(() => expect(screen.queryByTestId('trigger-rename-input')).toBeNull());
    expect(moods.listTriggers).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(within(rowOf(21)).getByTestId('trigger-rename'));
  });

  it('keeps the rename open and explains when it fails; Escape leaves it', async () => {
    vi.mocked(moods.renameTrigger).mockRejectedValue(new IpcError('io', 'x'));
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(22)).getByTestId('trigger-rename'));
    await user.type(el('trigger-rename-input'), 'Money day{Enter}');
    expect((await screen.findByTestId('trigger-error')).textContent).toMatch(/couldn't read or save/);
    expect(screen.getByTestId('trigger-rename-input')).toBeTruthy();
    expect(el('trigger-rename-input').getAttribute('aria-invalid')).toBe('true');
    expect(el('trigger-rename-input').getAttribute('aria-describedby')).toBe(el('trigger-error').id);
    expect(el('trigger-add-input').getAttribute('aria-invalid')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('trigger-rename-input')).toBeNull();
  });

  it('archives only after confirming', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(22)).getByTestId('trigger-archive'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Archive “Payday”?');
    await user.click(el('confirm-no'));
    expect(moods.archiveTrigger).not.toHaveBeenCalled();
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();

    vi.mocked(moods.listTriggers).mockResolvedValue(fixtures.triggers().filter((t) => t.id !== 22));
    await user.click(within(rowOf(22)).getByTestId('trigger-archive'));
    await user.click(el('confirm-yes'));
    expect(moods.archiveTrigger).toHaveBeenCalledWith(22, true);
    await vi.waitFor(() => expect(names()).toEqual(['Stress', 'Getting paid']));
  });

  it('merges one trigger into another the person chooses', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(23)).getByTestId('trigger-merge'));
    const dialog = screen.getByTestId('trigger-merge-dialog');
    expect(dialog.textContent).toContain(
      'Past cravings and slips that name “Getting paid” will move to the trigger you choose',
    );
    const select = el('trigger-merge-target') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a trigger…', 'Stress', 'Payday']);
    await user.click(el('trigger-merge-confirm'));
    expect(el('trigger-merge-error').textContent).toBe('Please choose the trigger to merge into.');
    expect(moods.mergeTriggers).not.toHaveBeenCalled();
    await user.selectOptions(select, 'Payday');
    await user.click(el('trigger-merge-confirm'));
    expect(moods.mergeTriggers).toHaveBeenCalledWith(23, 22);
    await vi.waitFor(() => expect(screen.queryByTestId('trigger-merge-dialog')).toBeNull());
    expect(moods.listTriggers).toHaveBeenCalledTimes(2);
  });

  it('says nothing will move when the trigger merged was never noted', async () => {
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(22)).getByTestId('trigger-merge'));
    expect(screen.getByTestId('trigger-merge-dialog').textContent).toContain(
      'Nothing you logged names “Payday” yet, so nothing moves',
    );
  });

  it('keeps the merge dialog open when merging fails', async () => {
    vi.mocked(moods.mergeTriggers).mockRejectedValue(new IpcError('not_found', 'x'));
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    await user.click(within(rowOf(23)).getByTestId('trigger-merge'));
    await user.selectOptions(el('trigger-merge-target'), 'Stress');
    await user.click(el('trigger-merge-confirm'));
    expect((await screen.findByTestId('trigger-merge-error')).textContent).toMatch(/couldn't find/);
    expect(screen.getByTestId('trigger-merge-dialog')).toBeTruthy();
  });

  it('does not offer a merge when there is only one trigger', async () => {
    vi.mocked(moods.listTriggers).mockResolvedValue([fixtures.trigger()]);
    setup();
    await screen.findByTestId('trigger-row');
    expect(screen.queryByTestId('trigger-merge')).toBeNull();
    expect(screen.getByTestId('trigger-archive')).toBeTruthy();
  });

  it('shows archived triggers on request and brings one back', async () => {
    const withArchived = [
      ...fixtures.triggers(),
      fixtures.trigger({ id: 29, name: 'Old habit', archived: true }),
    ];
    vi.mocked(moods.listTriggers).mockImplementation(async (all: boolean) =>
      all ? withArchived : fixtures.triggers(),
    );
    const { user } = setup();
    await screen.findAllByTestId('trigger-row');
    expect(screen.queryByTestId('trigger-unarchive')).toBeNull();
    await user.click(el('show-archived-triggers'));
    expect(moods.listTriggers).toHaveBeenLastCalledWith(true);
    const archivedList = await screen.findByTestId('archived-trigger-list');
    expect([...archivedList.querySelectorAll('.name')].map((n) => n.textContent)).toEqual(['Old habit']);
    expect(names()).toEqual(['Stress', 'Payday', 'Getting paid', 'Old habit']);
    expect(screen.getByTestId('trigger-list').textContent).not.toContain('Old habit');
    await user.click(within(archivedList).getByTestId('trigger-unarchive'));
    expect(moods.archiveTrigger).toHaveBeenCalledWith(29, false);
    await vi.waitFor(() => expect(moods.listTriggers).toHaveBeenCalledTimes(3));
  });

  it('explains when the list cannot be loaded, and can try again', async () => {
    vi.mocked(moods.listTriggers).mockRejectedValueOnce(new IpcError('locked', 'x'));
    const { user } = setup();
    expect((await screen.findByTestId('trigger-error')).textContent).toContain('Your journal is locked.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('trigger-row')).toHaveLength(3);
    expect(screen.queryByTestId('trigger-error')).toBeNull();
  });

  it('reloads when told that counts changed', async () => {
    const { rerender } = setup();
    await screen.findAllByTestId('trigger-row');
    await rerender({ version: 1 });
    await vi.waitFor(() => expect(moods.listTriggers).toHaveBeenCalledTimes(2));
  });
});
