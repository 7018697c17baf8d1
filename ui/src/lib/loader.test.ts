import { describe, expect, it, vi } from 'vitest';
import { Loader } from './loader.svelte';
import { IpcError } from './ipc/IpcError';
import { ERROR_MESSAGES } from './errors';
import { deferred } from '../testing/deferred';

describe('Loader', () => {
  it('starts loading, then is ready with the answer', async () => {
    const loader = new Loader(async () => [1, 2]);
    expect(loader.state).toEqual({ status: 'loading' });
    expect(await loader.reload()).toBe(true);
    expect(loader.state).toEqual({ status: 'ready', value: [1, 2] });
    expect(loader.loading).toBe(false);
  });

  it('says what went wrong in plain words, and keeps the last good value', async () => {
    let fail = false;
    const loader = new Loader(async () => {
      if (fail) throw new IpcError('io', 'disk said no at /home/someone');
      return 'kept';
    });
    await loader.reload();
    fail = true;
    expect(await loader.reload()).toBe(false);
    expect(loader.state).toEqual({ status: 'failed', error: ERROR_MESSAGES.io });
    expect(loader.value).toBe('kept');
    fail = false;
    await loader.reload();
    expect(loader.error).toBe('');
  });

  it('words the error for its context', async () => {
    const loader = new Loader(
      async () => {
        throw new IpcError('wrong_passphrase', '');
      },
      { context: 'change' },
    );
    await loader.reload();
    expect(loader.error).toBe("That isn't your current passphrase.");
  });

  it('drops an older answer that comes back after a newer request', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const answers = [first.promise, second.promise];
    const onReady = vi.fn();
    const loader = new Loader(() => answers.shift()!, { onReady });
    const older = loader.reload();
    const newer = loader.reload();
    second.resolve('new');
    expect(await newer).toBe(true);
    first.resolve('old');
    expect(await older).toBe(false);
    expect(loader.value).toBe('new');
    expect(onReady).toHaveBeenCalledExactlyOnceWith('new');
  });

  it('ignores the failure of an older request', async () => {
    const first = deferred<string>();
    const answers = [first.promise, Promise.resolve('new')];
    const loader = new Loader(() => answers.shift()!);
    const older = loader.reload();
    await loader.reload();
    first.reject(new IpcError('io', ''));
    await older;
    expect(loader.state).toEqual({ status: 'ready', value: 'new' });
  });

  it('loads with another request (a next page) under the same rules', async () => {
    const loader = new Loader(async () => [1]);
    await loader.reload();
    const more = deferred<number[]>();
    const older = loader.load(async () => [...(loader.value ?? []), ...(await more.promise)]);
    expect(loader.loading).toBe(true);
    await loader.reload(); // a newer request wins over the page still on its way
    more.resolve([2]);
    expect(await older).toBe(false);
    expect(loader.value).toEqual([1]);
    expect(await loader.load(async () => [...(loader.value ?? []), 3])).toBe(true);
    expect(loader.value).toEqual([1, 3]);
    expect(
      await loader.load(async () => {
        throw new IpcError('io', '');
      }),
    ).toBe(false);
    expect(loader.state).toEqual({ status: 'failed', error: ERROR_MESSAGES.io });
    expect(loader.value).toEqual([1, 3]);
  });

  it("uses the view's own words for the failures it explains, and the usual ones otherwise", async () => {
    let code: 'not_found' | 'io' = 'not_found';
    const loader = new Loader(
      async () => {
        throw new IpcError(code, '');
      },
      { explain: (reason) => (reason instanceof IpcError && reason.code === 'not_found' ? 'Gone.' : null) },
    );
    await loader.reload();
    expect(loader.error).toBe('Gone.');
    code = 'io';
    await loader.reload();
    expect(loader.error).toBe(ERROR_MESSAGES.io);
  });
});
