import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/preferences');

import * as preferences from '../../lib/ipc/preferences';
import { IpcError } from '../../lib/ipc/IpcError';
import { chosenLanguage, currentLocale, useLanguage } from '../../lib/i18n';
import LanguageSettings from './LanguageSettings.svelte';

describe('LanguageSettings', () => {
  afterEach(() => useLanguage(null));

  it('saves the choice on this computer, and every word on screen changes at once', async () => {
    vi.mocked(preferences.setLanguage).mockImplementation(async (language) => language);
    const user = userEvent.setup();
    render(LanguageSettings);
    const select = screen.getByLabelText('Daybreak speaks') as HTMLSelectElement;
    expect(select.value, 'follows the computer until chosen').toBe('');

    await user.selectOptions(select, 'es');
    expect(preferences.setLanguage).toHaveBeenCalledWith('es');
    expect(await screen.findByText('Guardado.')).toBeTruthy();
    expect(currentLocale()).toBe('es');
    expect(screen.getByRole('heading').textContent).toBe('Idioma');
    expect(screen.getByLabelText('Daybreak te habla en')).toBe(select);

    await user.selectOptions(select, '');
    expect(preferences.setLanguage).toHaveBeenLastCalledWith(null);
    await vi.waitFor(() => expect(chosenLanguage()).toBeNull());
    expect(currentLocale(), 'the test machine speaks English').toBe('en');
  });

  it('shows the language chosen before', () => {
    useLanguage('es');
    render(LanguageSettings);
    expect((screen.getByTestId('language-select') as HTMLSelectElement).value).toBe('es');
  });

  it('keeps the language it had when the choice cannot be saved, and says why', async () => {
    vi.mocked(preferences.setLanguage).mockRejectedValue(new IpcError('io', '/home/someone/x'));
    const user = userEvent.setup();
    render(LanguageSettings);
    const select = screen.getByTestId('language-select') as HTMLSelectElement;
    await user.selectOptions(select, 'es');
    const error = await screen.findByTestId('language-error');
    expect(error.textContent).not.toContain('/home/someone');
    expect(currentLocale()).toBe('en');
    expect(select.value).toBe('');
  });
});
