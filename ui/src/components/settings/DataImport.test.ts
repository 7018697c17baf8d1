import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/data');

import * as data from '../../lib/ipc/data';
import * as fixtures from '../../testing/data';
import { deferred } from '../../testing/deferred';
import { IpcError } from '../../lib/ipc/IpcError';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';
import { ERROR_MESSAGES } from '../../lib/errors';
import DataImport from './DataImport.svelte';

function setup() {
  const user = userEvent.setup();
  render(DataImport);
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  return { user, input };
}

describe('DataImport', () => {
  it('explains what can be imported and only offers JSON and CSV files', () => {
    const { input } = setup();
    expect(input.accept).toBe('.json,.csv');
    expect(screen.getByTestId('data-import').textContent).toMatch(/Daylio/);
    expect(screen.getByLabelText(/Choose a file to import/)).toBe(input);
  });

  it('shows what a file would add, per kind, before changing anything', async () => {
    vi.mocked(data.previewImport).mockResolvedValue(fixtures.preview());
    const { user, input } = setup();
    const file = fixtures.daylioFile();
    await user.upload(input, file);
    const preview = await screen.findByTestId('import-preview');
    expect(data.previewImport).toHaveBeenCalledWith(file);
    expect(preview.textContent).toMatch(/daylio_export\.csv is a Daylio export/);
    expect(preview.textContent).toMatch(/would add 15 new items/);
    const kinds = screen
      .getAllByTestId('import-kind')
      .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(kinds).toEqual(['Moods: 12 new, 4 already in your journal', 'Journal entries: 3 new']);
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(false);
    expect(data.applyImport).not.toHaveBeenCalled();
  });

  it('says when everything is already there, and offers no import', async () => {
    vi.mocked(data.previewImport).mockResolvedValue(fixtures.nothingNew());
    const { user, input } = setup();
    await user.upload(input, fixtures.daybreakFile());
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toMatch(/is a Daybreak export/);
    expect(preview.textContent).toMatch(/Everything in this file is already in your journal\./);
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports the same file on confirm, shows a summary and lets go of the file', async () => {
    vi.mocked(data.previewImport).mockResolvedValue(fixtures.preview());
    const pending = deferred<ReturnType<typeof fixtures.summary>>();
    vi.mocked(data.applyImport).mockReturnValue(pending.promise);
    const { user, input } = setup();
    const file = fixtures.daylioFile();
    await user.upload(input, file);
    await user.click(await screen.findByTestId('import-confirm'));
    expect(data.applyImport).toHaveBeenCalledWith(file);
    expect(vi.mocked(data.applyImport).mock.calls[0]![0]).toBe(file);
    expect(screen.getByTestId('busy').textContent).toMatch(/Importing/);
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(input.disabled).toBe(true);

    pending.resolve(fixtures.summary());
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toMatch(/15 items added/);
    expect(result.textContent?.replace(/\s+/g, ' ')).toMatch(/Moods: 12 added, 4 already in your journal/);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(input.value).toBe('');
    expect(data.applyImport).toHaveBeenCalledTimes(1);
  });

  it('cancel drops the file without importing', async () => {
    vi.mocked(data.previewImport).mockResolvedValue(fixtures.preview());
    const { user, input } = setup();
    await user.upload(input, fixtures.daylioFile());
    await user.click(await screen.findByTestId('import-cancel'));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    expect(data.applyImport).not.toHaveBeenCalled();
  });

  it('shows why a file cannot be read, and another file starts afresh', async () => {
    vi.mocked(data.previewImport)
      .mockRejectedValueOnce(
        new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'unknown_import' } }),
      )
      .mockResolvedValueOnce(fixtures.preview());
    const { user, input } = setup();
    await user.upload(input, fixtures.daybreakFile());
    const error = await screen.findByTestId('import-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'Daybreak can import its own export (.json) or a Daylio export (.csv). This file is neither.',
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();

    await user.upload(input, fixtures.daylioFile());
    await screen.findByTestId('import-preview');
    expect(screen.queryByTestId('import-error')).toBeNull();
  });

  it('says nothing was imported when the import fails', async () => {
    vi.mocked(data.previewImport).mockResolvedValue(fixtures.preview());
    vi.mocked(data.applyImport).mockRejectedValue(new IpcError('io', 'disk full'));
    const { user, input } = setup();
    await user.upload(input, fixtures.daylioFile());
    await user.click(await screen.findByTestId('import-confirm'));
    const error = await screen.findByTestId('import-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      `${ERROR_MESSAGES.io} Nothing was imported: your journal is just as it was.`,
    );
    expect(screen.queryByTestId('import-result')).toBeNull();
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(input.value).toBe('');
  });

  it('shows only the preview of the file chosen last', async () => {
    const first = deferred<ReturnType<typeof fixtures.preview>>();
    vi.mocked(data.previewImport)
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce(fixtures.nothingNew());
    const { user, input } = setup();
    await user.upload(input, fixtures.daylioFile());
    await user.upload(input, fixtures.daybreakFile());
    expect(await screen.findByTestId('import-preview')).toBeTruthy();
    first.resolve(fixtures.preview());
    await new Promise((settle) => setTimeout(settle, 0));
    expect(screen.getByTestId('import-preview').dataset.format).toBe('daybreak');
    expect(screen.getByTestId('import-preview').textContent).toMatch(/daybreak-export\.json/);
  });
});
