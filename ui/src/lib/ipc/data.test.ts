import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauri = vi.hoisted(() => {
  class FakeChannel<T> {
    onmessage: (message: T) => void = () => {};
  }
  return { invoke: vi.fn(), Channel: FakeChannel };
});
vi.mock('@tauri-apps/api/core', () => tauri);

import * as data from './data';
import * as mocked from './__mocks__/data';
import { IpcError } from './IpcError';

const csvFile = () => new File(['Date,Mood\n2026-11-27,good\n'], 'daylio export é.csv', { type: 'text/csv' });

describe('ipc/data', () => {
  beforeEach(() => {
    tauri.invoke.mockResolvedValue(undefined);
  });

  it('calls the export commands with camelCase arguments', async () => {
    await data.exportJson();
    await data.exportCsv();
    await data.exportReport({ from: '2026-10-29', to: '2026-11-27', includeJournal: false });
    expect(tauri.invoke.mock.calls).toEqual([
      ['export_json', { language: 'en' }],
      ['export_csv', { language: 'en', uiLocale: navigator.language }],
      [
        'report_export',
        { options: { from: '2026-10-29', to: '2026-11-27', includeJournal: false, language: 'en' } },
      ],
    ]);
  });

  it('returns the saved paths', async () => {
    tauri.invoke.mockResolvedValue({ html: '/d/report.html', pdf: '/d/report.pdf' });
    await expect(
      data.exportReport({ from: '2026-11-01', to: '2026-11-27', includeJournal: true }),
    ).resolves.toEqual({
      html: '/d/report.html',
      pdf: '/d/report.pdf',
    });
  });

  it.each([
    ['previewImport', 'import_preview'],
    ['applyImport', 'import_apply'],
  ] as const)(
    '%s sends the file as raw bytes, its name percent-encoded in a header',
    async (name, command) => {
      await data[name](csvFile());
      const [sent, body, options] = tauri.invoke.mock.calls[0]!;
      expect(sent).toBe(command);
      expect(body).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(body as Uint8Array)).toBe('Date,Mood\n2026-11-27,good\n');
      expect(options).toEqual({ headers: { 'x-file-name': 'daylio%20export%20%C3%A9.csv' } });
    },
  );

  it('keeps the backend message of a refused import', async () => {
    tauri.invoke.mockRejectedValue({ code: 'invalid_input', message: 'This is not a Daylio export.' });
    const error = await data.previewImport(csvFile()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'This is not a Daylio export.' });
  });

  it('has a mock for every command', () => {
    expect(Object.keys(mocked).sort()).toEqual(Object.keys(data).sort());
  });
});
