import { describe, expect, it, vi } from 'vitest';

vi.mock('./ipc/sync');

import * as sync from './ipc/sync';
import { onSyncNotice, watchSyncNotices } from './syncNotices';

describe('sync notices', () => {
  it('passes each notice from the shell to the screens listening, until they stop', async () => {
    let deliver: ((notice: 'received') => void) | undefined;
    vi.mocked(sync.watchSync).mockImplementation(async (onNotice) => {
      deliver = onNotice;
    });
    await watchSyncNotices();
    const listener = vi.fn();
    const stop = onSyncNotice(listener);
    deliver?.('received');
    expect(listener).toHaveBeenCalledWith('received');
    stop();
    deliver?.('received');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
