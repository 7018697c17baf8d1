import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sync');

import * as sync from '../../lib/ipc/sync';
import type { LastRound, SyncStatus } from '../../lib/bindings';
import { IpcError } from '../../lib/ipc/IpcError';
import SyncSettings from './SyncSettings.svelte';
// Refusals are worded by refusals.ts, which the shell loads.
import '../../lib/refusals';

const FOLDER = '/home/sam/Sync';

function round(over: Partial<LastRound> = {}): LastRound {
  return {
    at: '2026-12-02T09:30:00Z',
    sentFiles: 1,
    receivedFiles: 2,
    receivedChanges: 5,
    waiting: 0,
    unreadableFiles: 0,
    otherJournal: false,
    headerAdopted: false,
    problem: null,
    ...over,
  };
}

function status(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    folder: FOLDER,
    lastRound: round(),
    passphraseChangedElsewhere: false,
    computers: [],
    toSend: 0,
    waitingForRecords: 0,
    folderUnreadable: false,
    ...over,
  };
}

const text = () => document.body.textContent?.replace(/\s+/g, ' ') ?? '';

describe('SyncSettings (Use on two computers)', () => {
  beforeEach(() => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ folder: null, lastRound: null }));
  });

  it('explains what it does and warns never to sync the journal folder itself', async () => {
    render(SyncSettings);
    expect(await screen.findByTestId('sync-folder')).toBeTruthy();
    expect(text()).toContain('Syncthing');
    expect(text()).toContain('encrypted with your journal');
    expect(text()).toContain("Never point your sync app at Daybreak's own folder");
    expect(text()).toContain('Also lock out old copies');
  });

  it('starts syncing through a typed folder and shows the first round', async () => {
    vi.mocked(sync.chooseSyncFolder).mockResolvedValue(status());
    const user = userEvent.setup();
    render(SyncSettings);
    await user.type(await screen.findByTestId('sync-folder'), FOLDER);
    await user.click(screen.getByTestId('sync-start'));
    expect(sync.chooseSyncFolder).toHaveBeenCalledWith(FOLDER);
    expect((await screen.findByTestId('sync-folder-shown')).textContent).toContain(FOLDER);
    expect(screen.getByTestId('sync-status-line').textContent).toMatch(
      /Files sent: 1\. Changes received: 5\./,
    );
  });

  it('a round that failed on a read or a full disk names the sync folder, not only the journal', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ problem: 'io' }) }));
    render(SyncSettings);
    expect((await screen.findByTestId('sync-status-line')).textContent).toContain(
      "couldn't read or write the sync folder or the journal file",
    );
  });

  it('choosing a folder that fails on a read is not said as a round that tries again', async () => {
    vi.mocked(sync.chooseSyncFolder).mockRejectedValue(new IpcError('io', 'x'));
    const user = userEvent.setup();
    render(SyncSettings);
    await user.type(await screen.findByTestId('sync-folder'), FOLDER);
    await user.click(screen.getByTestId('sync-start'));
    const said = (await screen.findByTestId('sync-error')).textContent ?? '';
    expect(said).not.toContain('every minute');
  });

  it('says when the folder cannot be opened, and still offers Sync now and Stop syncing', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ folderUnreadable: true }));
    render(SyncSettings);
    expect((await screen.findByTestId('sync-folder-unreadable')).textContent).toContain(
      "Daybreak can't open the sync folder right now",
    );
    expect(screen.getByTestId('sync-now')).toBeTruthy();
    expect(screen.getByTestId('sync-stop')).toBeTruthy();
  });

  it('says the folder is away once: a failed last round already says it', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(
      status({ folderUnreadable: true, lastRound: round({ problem: 'not_found' }) }),
    );
    render(SyncSettings);
    expect((await screen.findByTestId('sync-status-line')).textContent).toContain("didn't finish");
    expect(screen.queryByTestId('sync-folder-unreadable')).toBeNull();
  });

  it('opened from the notice that syncing stopped, it puts focus on its heading', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ problem: 'io' }) }));
    render(SyncSettings, { bringIntoViewRequest: 1 });
    const heading = await screen.findByRole('heading', { name: 'Use on two computers' });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('opened as usual, it leaves focus alone', async () => {
    render(SyncSettings);
    const heading = await screen.findByRole('heading', { name: 'Use on two computers' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement).not.toBe(heading);
  });

  it('fills the folder from the system dialog', async () => {
    vi.mocked(sync.pickSyncFolder).mockResolvedValue('/media/usb/Daybreak');
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-folder-pick'));
    expect((screen.getByTestId('sync-folder') as HTMLInputElement).value).toBe('/media/usb/Daybreak');
  });

  it("refuses the journal's own folder in plain words", async () => {
    vi.mocked(sync.chooseSyncFolder).mockRejectedValue(
      new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'sync_folder_inside' } }),
    );
    const user = userEvent.setup();
    render(SyncSettings);
    await user.type(await screen.findByTestId('sync-folder'), '/home/sam/.local/share/daybreak');
    await user.click(screen.getByTestId('sync-start'));
    expect((await screen.findByTestId('sync-error')).textContent).toMatch(/outside Daybreak's own folder/);
    expect(screen.queryByTestId('sync-folder-shown')).toBeNull();
  });

  it('asks for a folder before sending anything', async () => {
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-start'));
    expect(screen.getByTestId('sync-error').textContent).toBe('Choose a folder first.');
    expect(sync.chooseSyncFolder).not.toHaveBeenCalled();
  });

  it('syncs now and shows warnings as counts, without journal text', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status());
    vi.mocked(sync.syncNow).mockResolvedValue(
      status({
        lastRound: round({ unreadableFiles: 2, otherJournal: true }),
        waitingForRecords: 3,
        toSend: 4,
        passphraseChangedElsewhere: true,
      }),
    );
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-now'));
    expect((await screen.findByTestId('sync-warning-unreadable')).textContent).toMatch(
      /Files not readable yet: 2/,
    );
    expect(screen.getByTestId('sync-warning-waiting').textContent).toMatch(/3/);
    expect(screen.getByTestId('sync-to-send').textContent).toMatch(/waiting to go out: 4/);
    expect(screen.getByTestId('sync-warning-other-journal').textContent).toMatch(/Join it again/);
    expect(screen.getByTestId('sync-passphrase-changed').textContent).toMatch(/use the new one/);
  });

  it('says a failed "Sync now" once, in the status line, which shows this try', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValueOnce(status());
    vi.mocked(sync.syncNow).mockRejectedValue(new IpcError('not_found', 'x'));
    vi.mocked(sync.syncStatus).mockResolvedValueOnce(status({ lastRound: round({ problem: 'not_found' }) }));
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-now'));
    await vi.waitFor(() =>
      expect(screen.getByTestId('sync-status-line').textContent).toMatch(
        /didn't finish.*can't find that folder/s,
      ),
    );
    expect(screen.getByTestId('sync-status-line').classList.contains('warning')).toBe(true);
    expect(screen.queryByTestId('sync-error')).toBeNull();
  });

  it('says a failed "Sync now" below the buttons when the status holds no failed round', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValueOnce(status());
    vi.mocked(sync.syncNow).mockRejectedValue(new IpcError('locked', 'x'));
    vi.mocked(sync.syncStatus).mockRejectedValueOnce(new IpcError('locked', 'x'));
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-now'));
    expect((await screen.findByTestId('sync-error')).textContent).toMatch(/locked/i);
  });

  it('says when the last round failed', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ problem: 'io' }) }));
    render(SyncSettings);
    expect((await screen.findByTestId('sync-status-line')).textContent).toMatch(/didn't finish/);
  });

  it('says when the last round found the folder away, in the words of this page', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ problem: 'not_found' }) }));
    render(SyncSettings);
    const line = (await screen.findByTestId('sync-status-line')).textContent;
    expect(line).toMatch(/didn't finish/);
    expect(line).toMatch(
      /Daybreak can't find that folder\. If it's on a USB stick or a network or cloud drive, connect it/,
    );
  });

  it('stops only after confirming, and keeps syncing when the person changes their mind', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status());
    vi.mocked(sync.stopSyncing).mockResolvedValue(undefined);
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('sync-stop'));
    expect(screen.getByTestId('confirm-dialog').textContent).toMatch(/stays whole/);
    await user.click(screen.getByTestId('confirm-no'));
    expect(sync.stopSyncing).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('sync-stop'));
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ folder: null, lastRound: null }));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(sync.stopSyncing).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('sync-start')).toBeTruthy();
    expect(screen.queryByTestId('sync-folder-shown')).toBeNull();
  });

  it('lists the computers seen in the folder, this one first, without device ids', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(
      status({
        computers: [
          { thisComputer: true, lastSent: '2026-12-02T09:00:00Z', filesUnread: 0 },
          { thisComputer: false, lastSent: '2026-12-02T09:20:00Z', filesUnread: 2 },
          { thisComputer: false, lastSent: null, filesUnread: 0 },
        ],
      }),
    );
    render(SyncSettings);
    const rows = await screen.findAllByTestId('sync-computer');
    expect(rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^This computer: last sent changes .*\.$/),
      expect.stringMatching(/^Other computer 1: last sent changes .*\. Files not read here yet: 2\.$/),
      'Other computer 2: has not sent anything yet.',
    ]);
  });

  it('joins again after a new key on another computer, and says which passphrase opens it now', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ otherJournal: true }) }));
    vi.mocked(sync.rejoinSyncFolder)
      .mockRejectedValueOnce(new IpcError('wrong_passphrase', 'x'))
      .mockResolvedValueOnce(status());
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('rejoin-submit'));
    expect(sync.rejoinSyncFolder).not.toHaveBeenCalled();
    expect(screen.getByTestId('rejoin-error').textContent).toMatch(/passphrase/i);

    const field = screen.getByTestId('rejoin-passphrase') as HTMLInputElement;
    await user.type(field, 'old words');
    await user.click(screen.getByTestId('rejoin-submit'));
    expect(sync.rejoinSyncFolder).toHaveBeenLastCalledWith({ passphrase: 'old words' });
    await vi.waitFor(() => expect(field.value).toBe(''));
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.type(field, 'new words');
    await user.click(screen.getByTestId('rejoin-submit'));
    expect(sync.rejoinSyncFolder).toHaveBeenLastCalledWith({ passphrase: 'new words' });
    expect((await screen.findByTestId('sync-rejoined')).textContent).toMatch(/you just typed/);
    expect(screen.queryByTestId('sync-rejoin')).toBeNull();
  });

  it('joins again with the recovery key instead, tidied', async () => {
    vi.mocked(sync.syncStatus).mockResolvedValue(status({ lastRound: round({ otherJournal: true }) }));
    vi.mocked(sync.rejoinSyncFolder).mockResolvedValue(status());
    const user = userEvent.setup();
    render(SyncSettings);
    await user.click(await screen.findByTestId('rejoin-toggle-secret'));
    await user.type(screen.getByTestId('rejoin-recovery-key'), 'abcd efgh');
    await user.click(screen.getByTestId('rejoin-submit'));
    expect(sync.rejoinSyncFolder).toHaveBeenCalledWith({ recoveryKey: expect.stringMatching(/^ABCD/) });
  });
});
