import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';

vi.mock('./ipc/vault');
vi.mock('./ipc/data');
vi.mock('./ipc/preferences');

import * as vault from './ipc/vault';
import { deferred } from '../testing/deferred';
import { BOOT_ANSWERED, BOOT_START, FIRST_SCREEN, markBoot } from './bootMarks';
import App from '../App.svelte';

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
    await waitFor(() => expect(marks()).toContain(FIRST_SCREEN));
    const [answered, shown] = [BOOT_ANSWERED, FIRST_SCREEN].map(
      (name) => performance.getEntriesByName(name, 'mark')[0]!.startTime,
    );
    expect(answered!, 'the first screen comes after the boot call answers').toBeLessThanOrEqual(shown!);
  });
});
