import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ConfirmDialog from './ConfirmDialog.svelte';

function setup() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(ConfirmDialog, {
    title: 'Remove this slip?',
    message: 'Sure?',
    confirmLabel: 'Remove',
    onConfirm,
    onCancel,
  });
  return { user, onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('is a labelled modal dialog with the safe answer focused', () => {
    setup();
    const dialog = screen.getByRole('alertdialog', { name: 'Remove this slip?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('confirm-no'));
  });

  it('cancels on Escape', async () => {
    const { user, onCancel, onConfirm } = setup();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog', async () => {
    const { user } = setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-yes'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-no'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByTestId('confirm-yes'));
  });

  it('confirms', async () => {
    const { user, onConfirm } = setup();
    await user.click(screen.getByTestId('confirm-yes'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
