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
