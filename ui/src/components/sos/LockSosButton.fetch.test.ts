import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sos');

// Counts when the SOS panel's own file is imported: its factory runs at the first import.
const panelFile = vi.hoisted(() => ({ imports: 0 }));
vi.mock('./LockScreenSos.svelte', async (importOriginal) => {
  panelFile.imports++;
  return importOriginal();
});

import Unlock from '../vault/Unlock.svelte';

describe('the lock screen’s SOS panel file', () => {
  it('is fetched at the first key pressed, not as the screen paints', async () => {
    render(Unlock, { onUnlocked: vi.fn(), onForgot: vi.fn(), onRestore: vi.fn() });
    // Longer than the 300 ms after which it used to be fetched, kept in memory for nothing.
    await new Promise((settle) => setTimeout(settle, 500));
    expect(panelFile.imports, 'nothing pressed yet').toBe(0);
    await fireEvent.keyDown(window, { key: 'a' });
    await vi.waitFor(() => expect(panelFile.imports).toBe(1));
  });
});
