import { describe, expect, it, vi } from 'vitest';

vi.mock('./ipc/sync');

import * as sync from './ipc/sync';
import { mostPressing, watchSyncNotices } from './syncNotices';

describe('sync notices', () => {
  it('passes each notice from the shell to the listener, until it stops', async () => {
    let deliver: ((notice: 'received') => void) | undefined;
    vi.mocked(sync.watchSync).mockImplementation(async (onNotice) => {
      deliver = onNotice;
    });
    const listener = vi.fn();
    const stop = watchSyncNotices(listener);
    await vi.waitFor(() => expect(sync.watchSync).toHaveBeenCalledTimes(1));
    deliver?.('received');
    expect(listener).toHaveBeenCalledWith('received');
    stop();
    deliver?.('received');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the shell cannot be asked', async () => {
    vi.mocked(sync.watchSync).mockRejectedValue(new Error('no shell'));
    const stop = watchSyncNotices(vi.fn());
    await Promise.resolve();
    stop();
  });

  it('shows the most pressing pending notice: stopped, then a new passphrase, then arrivals', () => {
    expect(mostPressing([])).toBeNull();
    expect(mostPressing(['received', 'stopped', 'passphraseChanged'])).toBe('stopped');
    expect(mostPressing(['received', 'passphraseChanged'])).toBe('passphraseChanged');
    expect(mostPressing(['received'])).toBe('received');
  });
});
