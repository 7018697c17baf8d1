import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/data');

import * as data from '../../lib/ipc/data';
import { deferred } from '../../testing/deferred';
import { IpcError } from '../../lib/ipc/IpcError';
import { ERROR_MESSAGES } from '../../lib/errors';
import type { ReportFiles } from '../../lib/bindings';
import CounsellorReport from './CounsellorReport.svelte';

const FILES: ReportFiles = {
  html: '/home/sam/Downloads/daybreak-report-2026-11-27.html',
  pdf: '/home/sam/Downloads/daybreak-report-2026-11-27.pdf',
};

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('CounsellorReport', () => {
  beforeEach(() => {
    // Late evening local time: the default range must still end on the local day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 27, 23, 30));
  });
  afterEach(() => vi.useRealTimers());

  it('covers the last 30 days ending today, without journal entries, by default', () => {
    render(CounsellorReport);
    expect(field('report-from').value).toBe('2026-10-29');
    expect(field('report-to').value).toBe('2026-11-27');
    expect(field('report-include-journal').checked).toBe(false);
    expect(screen.getByTestId('counsellor-report').textContent).toMatch(/not encrypted/);
  });

  it('makes the report and shows where both files were saved', async () => {
    const pending = deferred<ReportFiles>();
    vi.mocked(data.exportReport).mockReturnValue(pending.promise);
    const user = userEvent.setup();
    render(CounsellorReport);
    await user.click(field('report-include-journal'));
    await user.click(screen.getByTestId('report-make'));
    expect(data.exportReport).toHaveBeenCalledWith({
      from: '2026-10-29',
      to: '2026-11-27',
      includeJournal: true,
    });
    expect((screen.getByTestId('report-make') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('busy').textContent).toMatch(/Making your report/);

    pending.resolve(FILES);
    const result = await screen.findByTestId('report-result');
    expect(result.textContent).toContain(FILES.pdf);
    expect(result.textContent).toContain(FILES.html);
    expect(result.textContent).toMatch(/print the PDF or share it with your counsellor/);
    expect(screen.queryByTestId('busy')).toBeNull();
  });

  it('uses the dates chosen', async () => {
    vi.mocked(data.exportReport).mockResolvedValue(FILES);
    const user = userEvent.setup();
    render(CounsellorReport);
    await fireEvent.input(field('report-from'), { target: { value: '2026-01-01' } });
    await fireEvent.input(field('report-to'), { target: { value: '2026-03-31' } });
    await user.click(screen.getByTestId('report-make'));
    expect(data.exportReport).toHaveBeenCalledWith({
      from: '2026-01-01',
      to: '2026-03-31',
      includeJournal: false,
    });
  });

  it('refuses a first day after the last one, without asking the backend', async () => {
    const user = userEvent.setup();
    render(CounsellorReport);
    await fireEvent.input(field('report-from'), { target: { value: '2026-11-20' } });
    await fireEvent.input(field('report-to'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByTestId('report-make'));
    const error = screen.getByTestId('report-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toMatch(/first day comes after the last day/);
    expect(field('report-from').getAttribute('aria-invalid')).toBe('true');
    expect(data.exportReport).not.toHaveBeenCalled();
  });

  it('asks for both dates', async () => {
    const user = userEvent.setup();
    render(CounsellorReport);
    await fireEvent.input(field('report-to'), { target: { value: '' } });
    await user.click(screen.getByTestId('report-make'));
    expect(screen.getByTestId('report-error').textContent).toMatch(/Choose the first and the last day/);
    expect(data.exportReport).not.toHaveBeenCalled();
  });

  it('shows why the report could not be made', async () => {
    vi.mocked(data.exportReport).mockRejectedValue(new IpcError('io', 'disk full'));
    const user = userEvent.setup();
    render(CounsellorReport);
    await user.click(screen.getByTestId('report-make'));
    expect((await screen.findByTestId('report-error')).textContent).toBe(ERROR_MESSAGES.io);
    expect(screen.queryByTestId('report-result')).toBeNull();
    expect((screen.getByTestId('report-make') as HTMLButtonElement).disabled).toBe(false);
  });
});
