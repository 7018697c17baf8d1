import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/preferences');
vi.mock('../../lib/ipc/sos');

import * as preferences from '../../lib/ipc/preferences';
import * as sos from '../../lib/ipc/sos';
import { IpcError } from '../../lib/ipc/IpcError';
import PrivacySettings from './PrivacySettings.svelte';

describe('PrivacySettings', () => {
  beforeEach(() => {
    vi.mocked(preferences.getPreferences).mockResolvedValue({
      autoLockMinutes: 15,
      neutralTitle: true,
      crisisCountry: null,
    });
    vi.mocked(sos.sosCrisisLines).mockResolvedValue([]);
    vi.mocked(sos.sosCrisisHere).mockRejectedValue(new IpcError('io', 'x'));
  });

  it('fills in the stored choices, and keeps them disabled until then', async () => {
    render(PrivacySettings, {});
    const select = screen.getByTestId('auto-lock-select') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    await vi.waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('15');
    expect((screen.getByTestId('neutral-title') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('privacy-error')).toBeNull();
  });

  it('says why the choices could not be read, and Try again reads them', async () => {
    vi.mocked(preferences.getPreferences).mockRejectedValueOnce(new IpcError('io', '/home/someone'));
    const user = userEvent.setup();
    render(PrivacySettings, {});
    const error = await screen.findByTestId('privacy-error');
    expect(error.textContent).toMatch(/couldn't read or save/);
    expect(error.textContent).not.toContain('/home/someone');
    expect((screen.getByTestId('auto-lock-select') as HTMLSelectElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() =>
      expect((screen.getByTestId('auto-lock-select') as HTMLSelectElement).value).toBe('15'),
    );
    expect(screen.queryByTestId('privacy-error')).toBeNull();
  });
});
