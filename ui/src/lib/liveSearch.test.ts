import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSearch } from './liveSearch';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('liveSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause, then searches once', async () => {
    const search = vi.fn(async (t: string) => [t]);
    const hits = vi.fn();
    const live = liveSearch(search, 100, { hits, searching: vi.fn(), error: vi.fn() });
    live.schedule('w');
    live.schedule('wa');
    live.schedule('walk');
    await vi.advanceTimersByTimeAsync(100);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('walk');
    expect(hits).toHaveBeenLastCalledWith(['walk']);
  });

  it('drops an answer to an older query', async () => {
    const first = deferred<string[]>();
    const search = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(['new']);
    const hits = vi.fn();
    const live = liveSearch(search, 10, { hits, searching: vi.fn(), error: vi.fn() });
    live.schedule('old');
    await vi.advanceTimersByTimeAsync(10);
    live.schedule('new');
    await vi.advanceTimersByTimeAsync(10);
    first.resolve(['old']);
    await vi.advanceTimersByTimeAsync(0);
    expect(hits).toHaveBeenCalledTimes(1);
    expect(hits).toHaveBeenLastCalledWith(['new']);
  });

  it('clears at once for an empty box, and cancel stops a pending search', async () => {
    const search = vi.fn(async () => ['x']);
    const hits = vi.fn();
    const live = liveSearch(search, 10, { hits, searching: vi.fn(), error: vi.fn() });
    live.schedule('  ');
    expect(hits).toHaveBeenCalledWith(null);
    live.schedule('x');
    live.cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(search).not.toHaveBeenCalled();
  });
});
