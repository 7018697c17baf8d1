import { describe, expect, it, vi } from 'vitest';
import { chunk } from './chunk';

describe('chunk', () => {
  it('imports once and hands every caller the same default export', async () => {
    const load = vi.fn(() => Promise.resolve({ default: 'the view' }));
    const view = chunk(load);
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([view(), view()]);
    expect(a).toBe('the view');
    expect(b).toBe('the view');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('chunk after a failed load', () => {
  it('tries the import again on the next call, then keeps what it got', async () => {
    const load = vi
      .fn<() => Promise<{ default: string }>>()
      .mockRejectedValueOnce(new Error('the file did not load'))
      .mockResolvedValue({ default: 'the view' });
    const view = chunk(load);
    await expect(view()).rejects.toThrow('the file did not load');
    expect(await view()).toBe('the view');
    expect(await view()).toBe('the view');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
