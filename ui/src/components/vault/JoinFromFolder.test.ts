import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sync');
vi.mock('../../lib/ipc/system');

import * as sync from '../../lib/ipc/sync';
import * as vault from '../../lib/ipc/vault';
import * as system from '../../lib/ipc/system';
import { watchSystemLockSignals } from '../../lib/lockSignals';
import { IpcError } from '../../lib/ipc/IpcError';
import { deferred } from '../../testing/deferred';
import type { SyncStatus } from '../../lib/bindings';
import Welcome from './Welcome.svelte';

const FOLDER = '/home/sam/Sync';
const JOINED: SyncStatus = {
  folder: FOLDER,
  lastRound: null,
  passphraseChangedElsewhere: false,
  computers: [],
  toSend: 0,
  waitingForRecords: 0,
  folderUnreadable: false,
};

async function openJoin() {
  const onJoined = vi.fn();
  const onCreated = vi.fn();
  const onLockedWhileOpening = vi.fn();
  const user = userEvent.setup();
  render(Welcome, { onCreated, onJoined, onLockedWhileOpening });
  await user.click(screen.getByTestId('join-start'));
  // The form is a file of its own, fetched when the link is followed.
  await screen.findByTestId('join-folder');
  return { user, onJoined, onCreated, onLockedWhileOpening };
}

describe('Welcome: I already use Daybreak on another computer', () => {
  beforeEach(() => {
    vi.mocked(sync.joinFromFolder).mockResolvedValue(JOINED);
  });

  it('joins with the folder and the passphrase, busy while the journal is rebuilt', async () => {
    const pending = deferred<SyncStatus>();
    vi.mocked(sync.joinFromFolder).mockReturnValue(pending.promise);
    const { user, onJoined, onCreated } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'correct horse battery');
    await user.click(screen.getByTestId('join-submit'));
    expect(sync.joinFromFolder).toHaveBeenCalledWith(FOLDER, { passphrase: 'correct horse battery' });
    expect(screen.getByTestId('busy').textContent).toMatch(/Rebuilding your journal/);
    expect((screen.getByTestId('join-submit') as HTMLButtonElement).disabled).toBe(true);
    pending.resolve(JOINED);
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledTimes(1));
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('can use the recovery key instead', async () => {
    const { user, onJoined } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.click(screen.getByTestId('join-toggle-secret'));
    await user.type(screen.getByTestId('join-recovery-key'), 'k7qf 9m2d abcd efgh jklm npqr stuv wxyz');
    await user.click(screen.getByTestId('join-submit'));
    expect(sync.joinFromFolder).toHaveBeenCalledWith(FOLDER, {
      recoveryKey: 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ',
    });
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalled());
  });

  it('asks for the folder and the passphrase before sending anything', async () => {
    const { user } = await openJoin();
    await user.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-error').textContent).toBe('Choose a folder first.');
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-error').textContent).toMatch(/passphrase/i);
    expect(sync.joinFromFolder).not.toHaveBeenCalled();
  });

  it.each([
    ['not_found', /no Daybreak journal in that folder/],
    ['already_exists', /already a journal on this computer/],
    ['invalid_input', /outside Daybreak's own folder/],
    ['rate_limited', /.+/],
  ] as const)('says plainly what went wrong (%s)', async (code, message) => {
    vi.mocked(sync.joinFromFolder).mockRejectedValue(new IpcError(code, 'x'));
    const { user, onJoined } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'correct horse battery');
    await user.click(screen.getByTestId('join-submit'));
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('clears a wrong passphrase and marks the field', async () => {
    vi.mocked(sync.joinFromFolder).mockRejectedValue(new IpcError('wrong_passphrase', 'x'));
    const { user } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'wrong words here');
    await user.click(screen.getByTestId('join-submit'));
    const field = screen.getByTestId('join-passphrase') as HTMLInputElement;
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.value).toBe('');
  });

  it('joined but locked while it opened (the screen locked): on to the lock screen, which says so', async () => {
    vi.mocked(sync.joinFromFolder).mockRejectedValue(new IpcError('locked_while_opening', 'x'));
    const { user, onJoined, onLockedWhileOpening } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'evening tide rising');
    await user.click(screen.getByTestId('join-submit'));
    await vi.waitFor(() =>
      expect(onLockedWhileOpening).toHaveBeenCalledWith(
        "This computer has joined your journal. Your journal stayed locked, because the computer asked to lock it while it was opening. Type the journal's passphrase to open it (or use your recovery key). The first time you open it here, Daybreak rebuilds it from the sync folder before showing it, which can take a minute.",
      ),
    );
    expect(onJoined).not.toHaveBeenCalled();
    expect((screen.getByTestId('join-passphrase') as HTMLInputElement).value).toBe('');
  });

  it('a lock while the joined journal is rebuilt also ends on the lock screen, which says so', async () => {
    await watchSystemLockSignals();
    const send = vi.mocked(system.watchLockSignals).mock.calls.at(-1)![0];
    const rebuilt = deferred<SyncStatus>();
    vi.mocked(sync.joinFromFolder).mockReturnValue(rebuilt.promise);
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    const { user, onJoined, onLockedWhileOpening } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'evening tide rising');
    await user.click(screen.getByTestId('join-submit'));
    send('screenLocked');
    rebuilt.resolve(JOINED);
    await vi.waitFor(() => expect(onLockedWhileOpening).toHaveBeenCalledTimes(1));
    expect(onLockedWhileOpening.mock.calls[0]![0]).toMatch(/^This computer has joined your journal\./);
    expect(vault.lock).toHaveBeenCalledTimes(1);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('locked by the shell while rebuilt (the answer says locked): the lock screen too', async () => {
    vi.mocked(sync.joinFromFolder).mockRejectedValue(new IpcError('locked', 'x'));
    const { user, onJoined, onLockedWhileOpening } = await openJoin();
    await user.type(screen.getByTestId('join-folder'), FOLDER);
    await user.type(screen.getByTestId('join-passphrase'), 'evening tide rising');
    await user.click(screen.getByTestId('join-submit'));
    await vi.waitFor(() => expect(onLockedWhileOpening).toHaveBeenCalledTimes(1));
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('goes back to creating a journal', async () => {
    const { user } = await openJoin();
    await user.click(screen.getByTestId('join-back'));
    expect(screen.getByTestId('create-passphrase')).toBeTruthy();
  });
});
