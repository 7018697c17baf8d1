import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreaViews } from '../../testing/shellViews';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/library');
// The real one, watched: the shell must make the date formatters ahead of the areas' need.
vi.mock('../../lib/i18n/formatters', async (original) => {
  const actual = await original<typeof import('../../lib/i18n/formatters')>();
  return { ...actual, prepareDatePatterns: vi.fn(actual.prepareDatePatterns) };
});

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
import * as library from '../../lib/ipc/library';
import * as libraryFixtures from '../../testing/library';
import * as moodFixtures from '../../testing/moods';
import * as fixtures from '../../testing/sobriety';
import { IpcError } from '../../lib/ipc/IpcError';
import { deferred } from '../../testing/deferred';
import { AREAS } from '../../lib/areas';
import { prepareDatePatterns } from '../../lib/i18n/formatters';
import Shell from './Shell.svelte';
import { settle } from '../../testing/heldPaint';

function setup() {
  const onLocked = vi.fn();
  const user = userEvent.setup();
  render(Shell, { onLocked });
  return { user, onLocked };
}

describe('Shell', () => {
  beforeAll(loadAreaViews, 30_000);

  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(vault.vaultStatus).mockResolvedValue({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
    vi.mocked(sobriety.listClocks).mockResolvedValue([fixtures.clock()]);
    vi.mocked(moods.listTriggers).mockResolvedValue(moodFixtures.triggers());
    vi.mocked(moods.listEmotions).mockResolvedValue(moodFixtures.emotions());
    vi.mocked(moods.logMood).mockResolvedValue(moodFixtures.moodEntry());
    vi.mocked(library.libraryList).mockResolvedValue(libraryFixtures.list());
    vi.mocked(library.libraryContinue).mockResolvedValue(null);
    vi.mocked(library.libraryArticle).mockImplementation(async (slug: string) =>
      libraryFixtures.article({ slug, title: `Reading ${slug}` }),
    );
    vi.mocked(library.libraryForTrigger).mockResolvedValue([
      libraryFixtures.summary({ slug: 'cravings-and-triggers', title: 'Cravings and triggers' }),
    ]);
  });

  it('has a main navigation with every area as a real button', async () => {
    setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect((await screen.findByTestId('sidebar')).contains(nav)).toBe(true);
    for (const area of AREAS) {
      const button = await screen.findByTestId(`nav-${area.id}`);
      expect(button.tagName).toBe('BUTTON');
      expect(nav.contains(button)).toBe(true);
      expect(button.textContent?.trim()).toBe(area.label);
    }
    expect((await screen.findByTestId('lock-button')).tagName).toBe('BUTTON');
  });

  it('fetches the other areas and makes the date formatters once Today is painted, not before', async () => {
    const today = deferred<Awaited<ReturnType<typeof sobriety.getToday>>>();
    vi.mocked(sobriety.getToday).mockReturnValue(today.promise);
    vi.mocked(prepareDatePatterns).mockClear();
    vi.useFakeTimers();
    try {
      setup();
      await vi.advanceTimersByTimeAsync(600);
      expect(prepareDatePatterns, 'not while Today is still coming').not.toHaveBeenCalled();
      today.resolve(fixtures.today());
      await vi.advanceTimersByTimeAsync(50);
      expect(prepareDatePatterns).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(2000);
      expect(prepareDatePatterns, 'once, though the fallback time has passed too').toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches them a second after opening when Today does not show', async () => {
    vi.mocked(sobriety.getToday).mockReturnValue(new Promise(() => {}));
    vi.mocked(prepareDatePatterns).mockClear();
    vi.useFakeTimers();
    try {
      setup();
      await vi.advanceTimersByTimeAsync(990);
      expect(prepareDatePatterns).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(20);
      expect(prepareDatePatterns).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts on Today with its heading focused', async () => {
    setup();
    const view = await screen.findByTestId('view-today');
    expect(view.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.tagName).toBe('H1');
    expect((await screen.findByTestId('nav-today')).getAttribute('aria-current')).toBe('page');
  });

  it('opens Settings once what it asks for has answered, and asks for it once', async () => {
    const status = deferred<Awaited<ReturnType<typeof vault.vaultStatus>>>();
    vi.mocked(vault.vaultStatus).mockReturnValue(status.promise);
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-settings'));
    await settle(50);
    expect(screen.queryByTestId('view-settings'), 'not drawn before its answers').toBeNull();
    status.resolve({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
    expect((await screen.findByTestId('journal-file')).textContent).toContain('/d/j');
    expect(vault.vaultStatus).toHaveBeenCalledTimes(1);
  });

  it('stays on Today when Today is chosen again while Settings waits for its answers', async () => {
    const status = deferred<Awaited<ReturnType<typeof vault.vaultStatus>>>();
    vi.mocked(vault.vaultStatus).mockReturnValue(status.promise);
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-settings'));
    await user.click(screen.getByTestId('nav-today'));
    status.resolve({ state: 'unlocked', dataDir: '/d', journalFile: '/d/j' });
    await settle(300);
    expect(screen.queryByTestId('view-settings')).toBeNull();
    expect(screen.getByTestId('view-today')).toBeTruthy();
  });

  it('opens Settings all the same when an answer is slow', async () => {
    vi.mocked(vault.vaultStatus).mockReturnValue(new Promise(() => {}));
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-settings'));
    expect(await screen.findByTestId('view-settings', {}, { timeout: 1000 })).toBeTruthy();
  });

  it.each(AREAS.map((a) => a.id))('opens %s and focuses its heading', async (id) => {
    const { user } = setup();
    await user.click(await screen.findByTestId(`nav-${id}`));
    const view = await screen.findByTestId(`view-${id}`);
    const heading = view.querySelector('h1');
    expect(heading).not.toBeNull();
    expect(document.activeElement).toBe(heading);
    expect((await screen.findByTestId(`nav-${id}`)).getAttribute('aria-current')).toBe('page');
    const others = AREAS.filter((a) => a.id !== id);
    for (const other of others) expect(screen.queryByTestId(`view-${other.id}`)).toBeNull();
  });

  it('shows the Library, no longer a placeholder', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-library'));
    expect(await screen.findAllByTestId('library-topic')).not.toHaveLength(0);
    expect((await screen.findByTestId('view-library')).textContent).not.toContain(
      'coming in a later version',
    );
  });

  it('opens "After a slip" from the slip flow on Today', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue({
      keptDays: 32,
      totalSoberDays: 32,
      clock: fixtures.clock({ days: 0 }),
    });
    const { user } = setup();
    await user.click(await screen.findByTestId('today-slip'));
    await user.click(await screen.findByTestId('slip-save'));
    await user.click(await screen.findByTestId('slip-open-article'));
    expect(screen.queryByTestId('slip-flow')).toBeNull();
    expect(library.libraryArticle).toHaveBeenCalledWith('after-a-slip');
    expect((await screen.findByTestId('article-title')).textContent).toContain('Reading after-a-slip');
  });

  it('opens a reading about a built-in trigger from Mood & triggers', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-mood'));
    const buttons = await screen.findAllByTestId('trigger-articles');
    expect(buttons).toHaveLength(1); // only the built-in one has readings
    await user.click(buttons[0]!);
    expect(library.libraryForTrigger).toHaveBeenCalledWith('stress');
    await user.click(await screen.findByTestId('trigger-article'));
    expect((await screen.findByTestId('nav-library')).getAttribute('aria-current')).toBe('page');
    expect(library.libraryArticle).toHaveBeenCalledWith('cravings-and-triggers');
    const title = await screen.findByText('Reading cravings-and-triggers', { selector: 'h1' });
    expect((await screen.findByTestId('view-library')).contains(title)).toBe(true);
    expect(document.activeElement).toBe(title);

    // Choosing the Library in the sidebar later shows the list, not that article again.
    await user.click(await screen.findByTestId('nav-today'));
    await user.click(await screen.findByTestId('nav-library'));
    expect(screen.queryByTestId('article-reader')).toBeNull();
    expect(await screen.findAllByTestId('library-topic')).not.toHaveLength(0);
    expect(library.libraryArticle).toHaveBeenCalledTimes(1);
  });

  it('shows the sobriety clocks in the Sobriety area', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-sobriety'));
    expect((await screen.findByTestId('clock-card')).dataset.clockId).toBe('1');
    expect(sobriety.listClocks).toHaveBeenCalledWith(false);
  });

  it('lets Today open SOS and the mood log', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('today-sos'));
    expect(await screen.findByTestId('view-sos')).toBeTruthy();
    expect((await screen.findByTestId('nav-sos')).getAttribute('aria-current')).toBe('page');
    await user.click(await screen.findByTestId('nav-today'));
    await user.click(await screen.findByTestId('today-log-mood'));
    expect(await screen.findByTestId('mood-form')).toBeTruthy();
    expect(await screen.findByTestId('view-today')).toBeTruthy();
  });

  it('shows Mood & triggers with its trigger list', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-mood'));
    expect(
      (await screen.findByTestId('view-mood')).contains(await screen.findByTestId('log-mood-button')),
    ).toBe(true);
    expect(await screen.findAllByTestId('trigger-row')).toHaveLength(3);
    expect((await screen.findByTestId('view-mood')).textContent).not.toContain('coming in a later version');
  });

  it('opens the mood log with Ctrl+M from anywhere, even in a text field', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('nav-settings'));
    await user.keyboard('{Control>}m{/Control}');
    expect(await screen.findByTestId('mood-form')).toBeTruthy();
    expect(document.activeElement).toBe(await screen.findByTestId('mood-1'));
    await user.click(await screen.findByTestId('mood-5'));
    await user.click(await screen.findByTestId('mood-save'));
    expect(moods.logMood).toHaveBeenCalledWith(expect.objectContaining({ mood: 5 }));
    expect(await screen.findByTestId('mood-saved')).toBeTruthy();
    expect(screen.queryByTestId('mood-form')).toBeNull();

    await user.click(await screen.findByTestId('nav-mood'));
    await user.click(await screen.findByTestId('trigger-add-input'));
    await user.keyboard('{Control>}m{/Control}');
    expect(await screen.findByTestId('mood-form')).toBeTruthy();
  });

  it('ignores Ctrl+M while another dialog is open, and plain M', async () => {
    const { user } = setup();
    await user.keyboard('m');
    expect(screen.queryByTestId('mood-form')).toBeNull();
    await user.click(await screen.findByTestId('today-slip'));
    await user.keyboard('{Control>}m{/Control}');
    expect(await screen.findByTestId('slip-flow')).toBeTruthy();
    expect(screen.queryByTestId('mood-form')).toBeNull();
  });

  it('moves between sidebar buttons with the arrow keys', async () => {
    const { user } = setup();
    (await screen.findByTestId('nav-today')).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(await screen.findByTestId('nav-sobriety'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(await screen.findByTestId('nav-settings'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(await screen.findByTestId('nav-today'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(await screen.findByTestId('nav-settings'));
  });

  it('locks through the backend, then reports it', async () => {
    const { user, onLocked } = setup();
    await user.click(await screen.findByTestId('lock-button'));
    expect(vault.lock).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
  });

  it('treats "already locked" as locked', async () => {
    vi.mocked(vault.lock).mockRejectedValue(new IpcError('locked', 'x'));
    const { user, onLocked } = setup();
    await user.click(await screen.findByTestId('lock-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
  });

  it('goes to the lock screen even when locking fails, with what went wrong', async () => {
    vi.mocked(vault.lock).mockRejectedValue(new IpcError('io', 'x'));
    const { user, onLocked } = setup();
    await user.click(await screen.findByTestId('lock-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(onLocked, 'a failed checkpoint still ends with the UI torn down').toHaveBeenCalledWith(
      expect.stringMatching(/^Your journal is locked, but Daybreak couldn't finish tidying its file/),
    );
  });

  it('goes to the lock screen within a second when `lock` does not answer', async () => {
    vi.mocked(vault.lock).mockReturnValue(new Promise<void>(() => {})); // e.g. stuck behind a backup
    const { user, onLocked } = setup();
    await user.click(await screen.findByTestId('lock-button'));
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(onLocked).toHaveBeenCalledWith(undefined);
  });
});
