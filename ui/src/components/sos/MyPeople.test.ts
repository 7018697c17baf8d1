import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');

import * as sos from '../../lib/ipc/sos';
import * as fixtures from '../../testing/sos';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import type { Person } from '../../lib/bindings';
import { deferred } from '../../testing/deferred';
import MyPeople from './MyPeople.svelte';

const el = (id: string) => screen.getByTestId(id);
const rows = () => screen.queryAllByTestId('person-row');

async function setup() {
  const user = userEvent.setup();
  render(MyPeople);
  await screen.findByTestId('person-add');
  return { user };
}

describe('MyPeople', () => {
  beforeEach(() => {
    vi.mocked(sos.sosPeople).mockResolvedValue([fixtures.person()]);
    vi.mocked(sos.sosAddPerson).mockImplementation(async (input) => ({ id: 2, ...input }));
    vi.mocked(sos.sosUpdatePerson).mockImplementation(async (id, input) => ({ id, ...input }));
    vi.mocked(sos.sosRemovePerson).mockResolvedValue(undefined);
  });

  it('lists each person with a big number, a note and a copy button', async () => {
    const { user } = await setup();
    expect(rows()).toHaveLength(1);
    const row = rows()[0]!;
    expect(row.textContent).toContain('Sam');
    expect(row.textContent).toContain('My sponsor');
    expect(row.querySelector('.phone')?.textContent).toBe('+44 7700 900123');
    await user.click(within(row).getByTestId('person-copy'));
    expect(await navigator.clipboard.readText()).toBe('+44 7700 900123');
  });

  it('adds someone', async () => {
    const { user } = await setup();
    await user.click(el('person-add'));
    expect(document.activeElement).toBe(el('person-name'));
    await user.type(el('person-name'), ' Alex ');
    await user.type(el('person-phone'), '555 0100');
    await user.click(el('person-save'));
    expect(sos.sosAddPerson).toHaveBeenCalledWith({ name: 'Alex', phone: '555 0100', note: null });
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[1]!.textContent).toContain('Alex');
    expect(screen.queryByTestId('person-name')).toBeNull();
    expect(document.activeElement).toBe(el('person-add'));
  });

  it('explains what to fix before sending, and shows what the backend says', async () => {
    const { user } = await setup();
    await user.click(el('person-add'));
    await user.click(el('person-save'));
    expect(el('person-error').textContent).toBe('Please give a name (up to 80 characters).');
    await user.type(el('person-name'), 'Alex');
    await user.type(el('person-phone'), 'call me');
    await user.click(el('person-save'));
    expect(el('person-error').textContent).toBe(
      'Please enter a phone number using digits, spaces, +, - or brackets.',
    );
    expect(sos.sosAddPerson).not.toHaveBeenCalled();

    vi.mocked(sos.sosAddPerson).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'too_long', what: 'note', max: 200 },
      }),
    );
    await user.clear(el('person-phone'));
    await user.type(el('person-phone'), '555 0100');
    await user.click(el('person-save'));
    expect((await screen.findByTestId('person-error')).textContent).toBe(
      'Please keep the note under 200 characters.',
    );
    expect(rows()).toHaveLength(1);
  });

  it('ties a problem to its field and focuses it; a failed save is an alert', async () => {
    const { user } = await setup();
    await user.click(el('person-add'));
    await user.type(el('person-name'), 'Alex');
    await user.type(el('person-phone'), 'call me');
    await user.click(el('person-save'));
    const phone = el('person-phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toBe(el('person-error').id);
    expect(el('person-name').hasAttribute('aria-invalid')).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(phone));

    vi.mocked(sos.sosAddPerson).mockRejectedValue(new IpcError('locked', ''));
    await user.clear(phone);
    await user.type(phone, '555 0100');
    await user.click(el('person-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('person-error');
    expect(phone.hasAttribute('aria-invalid')).toBe(false);
  });

  it('sends once when the form is submitted twice', async () => {
    const pending = deferred<Person>();
    vi.mocked(sos.sosAddPerson).mockReturnValue(pending.promise);
    const { user } = await setup();
    await user.click(el('person-add'));
    await user.type(el('person-name'), 'Alex');
    await user.type(el('person-phone'), '555 0100');
    const form = el('person-name').closest('form')!;
    await fireEvent.submit(form);
    await fireEvent.submit(form);
    expect(sos.sosAddPerson).toHaveBeenCalledTimes(1);
    pending.resolve({ id: 2, name: 'Alex', phone: '555 0100', note: null });
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('changes someone', async () => {
    const { user } = await setup();
    await user.click(el('person-edit'));
    expect((el('person-name') as HTMLInputElement).value).toBe('Sam');
    expect((el('person-note') as HTMLInputElement).value).toBe('My sponsor');
    await user.clear(el('person-phone'));
    await user.type(el('person-phone'), '555 0199');
    await user.click(el('person-save'));
    expect(sos.sosUpdatePerson).toHaveBeenCalledWith(1, {
      name: 'Sam',
      phone: '555 0199',
      note: 'My sponsor',
    });
    await vi.waitFor(() => expect(rows()[0]!.textContent).toContain('555 0199'));
    expect(rows()).toHaveLength(1);
  });

  it('removes someone only after asking', async () => {
    const { user } = await setup();
    await user.click(el('person-remove'));
    expect(el('confirm-dialog').textContent).toContain('Remove Sam?');
    await user.click(el('confirm-no'));
    expect(sos.sosRemovePerson).not.toHaveBeenCalled();
    expect(rows()).toHaveLength(1);

    await user.click(el('person-remove'));
    await user.click(el('confirm-yes'));
    expect(sos.sosRemovePerson).toHaveBeenCalledWith(1);
    await vi.waitFor(() => expect(rows()).toHaveLength(0));
    expect(el('people-empty')).toBeTruthy();
  });

  it('says so when the list cannot be loaded, and can try again', async () => {
    vi.mocked(sos.sosPeople).mockRejectedValueOnce(new IpcError('locked', 'x'));
    const user = userEvent.setup();
    render(MyPeople);
    expect((await screen.findByTestId('people-load-error')).textContent).toContain('locked');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('person-row')).toHaveLength(1);
  });
});
