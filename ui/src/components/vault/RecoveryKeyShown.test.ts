import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RecoveryKeyShown from './RecoveryKeyShown.svelte';

const KEY = 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

describe('RecoveryKeyShown', () => {
  it('shows the whole key exactly', () => {
    render(RecoveryKeyShown, { recoveryKey: KEY, onConfirmed: vi.fn() });
    expect(screen.getByTestId('recovery-key').textContent).toBe(KEY);
    expect(document.body.textContent).toMatch(/Write it down/);
  });

  it('asks for a random group and says which one in data-group-index', () => {
    render(RecoveryKeyShown, { recoveryKey: KEY, onConfirmed: vi.fn() });
    const input = screen.getByTestId('recovery-confirm-input');
    const index = Number(input.getAttribute('data-group-index'));
    expect(Number.isInteger(index)).toBe(true);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(8);
    expect(screen.getByLabelText(`Type group ${index + 1} of your recovery key`)).toBe(input);
  });

  it('refuses the wrong group, then accepts the right one ignoring case and spaces', async () => {
    const user = userEvent.setup();
    const onConfirmed = vi.fn();
    render(RecoveryKeyShown, { recoveryKey: KEY, onConfirmed, pickGroup: () => 2 });
    const input = screen.getByTestId('recovery-confirm-input');
    expect(input.getAttribute('data-group-index')).toBe('2');

    await user.type(input, 'K7QF');
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    expect(screen.getByTestId('recovery-confirm-error').textContent).toBe(
      "That doesn't match group 3. Check what you wrote down.",
    );
    expect(onConfirmed).not.toHaveBeenCalled();

    await user.clear(input);
    await user.type(input, ' ab cd ');
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    expect(onConfirmed).toHaveBeenCalledTimes(1);
  });

  it('does not accept an empty answer', async () => {
    const user = userEvent.setup();
    const onConfirmed = vi.fn();
    render(RecoveryKeyShown, { recoveryKey: KEY, onConfirmed, pickGroup: () => 0 });
    await user.click(screen.getByTestId('recovery-confirm-submit'));
    expect(screen.getByTestId('recovery-confirm-error').textContent).toContain('group 1');
    expect(onConfirmed).not.toHaveBeenCalled();
  });
});
