import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/data');

import * as data from '../../lib/ipc/data';
import { deferred } from '../../testing/deferred';
import { IpcError } from '../../lib/ipc/IpcError';
import DataSettings from './DataSettings.svelte';

describe('DataSettings', () => {
  it('has the readable copies, the counsellor report and the import together', () => {
    render(DataSettings);
    const section = screen.getByTestId('data-settings');
    expect(screen.getByRole('heading', { level: 2, name: 'Your data' })).toBeTruthy();
    expect(section.textContent).toMatch(/not encrypted: anyone who has one can read your journal/);
    for (const id of ['export-json', 'export-csv', 'report-make', 'import-file']) {
      expect(section.contains(screen.getByTestId(id))).toBe(true);
    }
  });

  it('saves everything as JSON and says the file is readable', async () => {
    vi.mocked(data.exportJson).mockResolvedValue('/home/sam/Downloads/daybreak-export-2026-11-27.json');
    const user = userEvent.setup();
    render(DataSettings);
    const button = screen.getByTestId('export-json');
    expect(button.textContent?.trim()).toBe('Save everything as JSON');
    await user.click(button);
    const note = await screen.findByTestId('export-json-path');
    expect(note.textContent).toMatch(/daybreak-export-2026-11-27\.json/);
    expect(note.textContent).toMatch(/readable by anyone/);
  });

  it('saves spreadsheets as a zip, busy meanwhile, and shows where', async () => {
    const pending = deferred<string>();
    vi.mocked(data.exportCsv).mockReturnValue(pending.promise);
    const user = userEvent.setup();
    render(DataSettings);
    const button = screen.getByTestId('export-csv') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Save as spreadsheets (CSV in a zip)');
    await user.click(button);
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('busy')).toBeTruthy();
    pending.resolve('/home/sam/Downloads/daybreak-2026-11-27-csv.zip');
    const note = await screen.findByTestId('export-csv-path');
    expect(note.textContent).toMatch(/daybreak-2026-11-27-csv\.zip/);
    expect(note.textContent).toMatch(/readable by anyone/);
    expect(button.disabled).toBe(false);
    expect(screen.queryByTestId('export-json-path')).toBeNull();
  });

  it('shows why a copy could not be saved', async () => {
    vi.mocked(data.exportCsv).mockRejectedValue(new IpcError('locked', 'locked'));
    const user = userEvent.setup();
    render(DataSettings);
    await user.click(screen.getByTestId('export-csv'));
    const error = await screen.findByTestId('export-csv-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toMatch(/locked/);
    expect(screen.queryByTestId('export-csv-path')).toBeNull();
  });
});
