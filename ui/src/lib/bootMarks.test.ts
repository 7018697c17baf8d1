import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('./ipc/vault');
vi.mock('./ipc/system');
vi.mock('./ipc/preferences');

import * as vault from './ipc/vault';
import { deferred } from '../testing/deferred';
import {
  BOOT_ANSWERED,
  BOOT_START,
  FIRST_PAINT,
  FIRST_SCREEN,
  UNLOCK_ANSWERED,
  UNLOCK_SUBMITTED,
  markAgain,
  markBoot,
} from './bootMarks';
import App from '../App.svelte';
import Unlock from '../components/vault/Unlock.svelte';

type Booted = Awaited<ReturnType<typeof vault.boot>>;

const marks = () => performance.getEntriesByType('mark').map((mark) => mark.name);

describe('start-up marks', () => {
  afterEach(() => performance.clearMarks());

  it('records a mark the harness can read, once', () => {
    markBoot(BOOT_START);
    const first = performance.getEntriesByName(BOOT_START, 'mark');
    expect(first, 'the mark is on the page’s timeline').toHaveLength(1);
    markBoot(BOOT_START);
    expect(performance.getEntriesByName(BOOT_START, 'mark'), 'a second call keeps the first time').toEqual(
      first,
    );
  });

  it('marks the boot call’s answer, then the unlock screen with its field', async () => {
    const answer = deferred<Booted>();
    vi.mocked(vault.boot).mockReturnValue(answer.promise);
    render(App);
    expect(marks(), 'nothing is answered before the boot call returns').not.toContain(BOOT_ANSWERED);
    answer.resolve({
      journal: {
        state: 'locked',
        dataDir: '/home/sam/.local/share/daybreak',
        journalFile: 'journal.daybreak',
      },
      language: null,
    });
    await screen.findByTestId('unlock-passphrase');
    await waitFor(() => expect(marks()).toContain(FIRST_PAINT));
    const [answered, shown, painted] = [BOOT_ANSWERED, FIRST_SCREEN, FIRST_PAINT].map(
      (name) => performance.getEntriesByName(name, 'mark')[0]!.startTime,
    );
    expect(answered!, 'the first screen comes after the boot call answers').toBeLessThanOrEqual(shown!);
    expect(shown!, 'and is painted after it is in the page').toBeLessThanOrEqual(painted!);
  });

  it('times each unlock on its own: a later mark replaces the earlier one', () => {
    markAgain(UNLOCK_SUBMITTED);
    const first = performance.getEntriesByName(UNLOCK_SUBMITTED, 'mark')[0]!.startTime;
    markAgain(UNLOCK_SUBMITTED);
    const again = performance.getEntriesByName(UNLOCK_SUBMITTED, 'mark');
    expect(again, 'one mark, not two').toHaveLength(1);
    expect(again[0]!.startTime).toBeGreaterThanOrEqual(first);
  });

  it('marks the unlock call going out and answering, around the call', async () => {
    const answer = deferred<void>();
    vi.mocked(vault.unlock).mockReturnValue(answer.promise);
    const user = userEvent.setup();
    render(Unlock, { onUnlocked: vi.fn(), onForgot: vi.fn(), onRestore: vi.fn() });
    await user.type(screen.getByTestId('unlock-passphrase'), 'quiet river morning{Enter}');
    await waitFor(() => expect(marks()).toContain(UNLOCK_SUBMITTED));
    expect(marks(), 'not answered while the call is under way').not.toContain(UNLOCK_ANSWERED);
    answer.resolve();
    await waitFor(() => expect(marks()).toContain(UNLOCK_ANSWERED));
  });
});
