import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');

import * as sos from '../../lib/ipc/sos';
import * as fixtures from '../../testing/sos';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import MyReasons from './MyReasons.svelte';

const el = (id: string) => screen.getByTestId(id);
const items = () => screen.queryAllByTestId('reason-item').map((r) => r.textContent);

async function setup() {
  const user = userEvent.setup();
  render(MyReasons);
  await screen.findByTestId('reason-input');
  return { user };
}

describe('MyReasons', () => {
  beforeEach(() => {
    vi.mocked(sos.sosReasons).mockResolvedValue([fixtures.reason()]);
    let nextId = 2;
    vi.mocked(sos.sosAddReason).mockImplementation(async (text) => ({ id: nextId++, text }));
    vi.mocked(sos.sosUpdateReason).mockImplementation(async (id, text) => ({ id, text }));
    vi.mocked(sos.sosRemoveReason).mockResolvedValue(undefined);
  });

  it('shows each reason large, as a quote', async () => {
    await setup();
    expect(items()).toEqual(['To be there for my daughter']);
    expect(el('reason-item').tagName).toBe('BLOCKQUOTE');
  });

  it('adds a reason with the button or Enter', async () => {
    const { user } = await setup();
    await user.type(el('reason-input'), '  To feel well again ');
    await user.click(el('reason-add'));
    expect(sos.sosAddReason).toHaveBeenCalledWith('To feel well again');
    await vi.waitFor(() => expect(items()).toEqual(['To be there for my daughter', 'To feel well again']));
    expect((el('reason-input') as HTMLInputElement).value).toBe('');

    await user.type(el('reason-input'), 'My health{Enter}');
    expect(sos.sosAddReason).toHaveBeenLastCalledWith('My health');
    await vi.waitFor(() => expect(items()).toHaveLength(3));
  });

  it('asks for words first, and shows what the backend says', async () => {
    const { user } = await setup();
    await user.click(el('reason-add'));
    expect(el('reason-error').textContent).toBe('Write your reason first, then press Add.');
    expect(sos.sosAddReason).not.toHaveBeenCalled();
    expect(el('reason-input').getAttribute('aria-invalid')).toBe('true');
    expect(el('reason-input').getAttribute('aria-describedby')).toBe(el('reason-error').id);
    vi.mocked(sos.sosAddReason).mockRejectedValue(
      new IpcError('invalid_input', 'x', {
        kind: 'refused',
        refusal: { kind: 'too_long', what: 'reason', max: 500 },
      }),
    );
    await user.type(el('reason-input'), 'x');
    await user.click(el('reason-add'));
    expect((await screen.findByTestId('reason-error')).textContent).toBe(
      'Please keep a reason under 500 characters.',
    );
    expect(items()).toHaveLength(1);
  });

  it('changes a reason', async () => {
    const { user } = await setup();
    await user.click(el('reason-edit'));
    await user.clear(el('reason-edit-input'));
    await user.type(el('reason-edit-input'), 'To be there for my kids');
    await user.click(el('reason-edit-save'));
    expect(sos.sosUpdateReason).toHaveBeenCalledWith(1, 'To be there for my kids');
    await vi.waitFor(() => expect(items()).toEqual(['To be there for my kids']));
  });

  it('removes a reason only after asking', async () => {
    const { user } = await setup();
    await user.click(el('reason-remove'));
    await user.click(el('confirm-no'));
    expect(sos.sosRemoveReason).not.toHaveBeenCalled();
    await user.click(el('reason-remove'));
    await user.click(el('confirm-yes'));
    expect(sos.sosRemoveReason).toHaveBeenCalledWith(1);
    await vi.waitFor(() => expect(items()).toEqual([]));
    expect(el('reasons-empty')).toBeTruthy();
  });
});
