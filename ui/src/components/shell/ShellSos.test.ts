import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAreaViews } from '../../testing/shellViews';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/vault');
vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/library');
vi.mock('../../lib/ipc/sos');

import * as vault from '../../lib/ipc/vault';
import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
import * as library from '../../lib/ipc/library';
import * as sos from '../../lib/ipc/sos';
import * as fixtures from '../../testing/sobriety';
import * as moodFixtures from '../../testing/moods';
import * as libraryFixtures from '../../testing/library';
import * as sosFixtures from '../../testing/sos';
import { AREAS } from '../../lib/areas';
import Shell from './Shell.svelte';
import { deferred } from '../../testing/deferred';
import { settle } from '../../testing/heldPaint';

// How SOS is reached inside the open journal: one click from every screen, or the shortcut.

function setup() {
  const user = userEvent.setup();
  render(Shell, { onLocked: vi.fn() });
  return { user };
}

const el = (id: string) => screen.findByTestId(id);

describe('Shell and SOS', () => {
  beforeAll(loadAreaViews, 30_000);

  beforeEach(() => {
    vi.mocked(vault.lock).mockResolvedValue(undefined);
    vi.mocked(sobriety.getToday).mockResolvedValue(fixtures.today());
    vi.mocked(sobriety.listClocks).mockResolvedValue([fixtures.clock()]);
    vi.mocked(moods.listTriggers).mockResolvedValue(moodFixtures.triggers());
    vi.mocked(moods.listEmotions).mockResolvedValue(moodFixtures.emotions());
    vi.mocked(moods.listCopingActions).mockResolvedValue(moodFixtures.copingActions());
    vi.mocked(library.libraryList).mockResolvedValue(libraryFixtures.list());
    vi.mocked(library.libraryContinue).mockResolvedValue(null);
    vi.mocked(sos.sosCrisisLines).mockResolvedValue(sosFixtures.countries());
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(sosFixtures.here('US'));
    vi.mocked(sos.sosPeople).mockResolvedValue([sosFixtures.person()]);
    vi.mocked(sos.sosReasons).mockResolvedValue([sosFixtures.reason()]);
    vi.mocked(sos.planGet).mockResolvedValue(sosFixtures.plan());
    vi.mocked(sos.planSave).mockImplementation(async (plan) => plan);
  });

  it.each(AREAS.filter((a) => a.id !== 'sos').map((a) => a.id))(
    'opens SOS from %s in one click',
    async (id) => {
      const { user } = setup();
      await user.click(await el(`nav-${id}`));
      expect(await el(`view-${id}`)).toBeTruthy();
      await user.click(await el('nav-sos'));
      expect(await el('view-sos')).toBeTruthy();
      expect((await el('nav-sos')).getAttribute('aria-current')).toBe('page');
      expect(await screen.findByTestId('sos-emergency-number')).toBeTruthy();
    },
  );

  it('opens SOS once what it asks for has answered, and asks for each once', async () => {
    const reasons = deferred<Awaited<ReturnType<typeof sos.sosReasons>>>();
    vi.mocked(sos.sosReasons).mockReturnValue(reasons.promise);
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(sosFixtures.here('GB', 'chosen'));
    const { user } = setup();
    await user.click(await el('nav-sos'));
    await settle(50);
    expect(screen.queryByTestId('view-sos'), 'not drawn before its answers').toBeNull();
    reasons.resolve([sosFixtures.reason()]);
    expect(await el('view-sos')).toBeTruthy();
    expect(await el('reason-item')).toBeTruthy();
    expect((await el('sos-emergency-number')).textContent).toBe('999');
    expect(sos.sosReasons).toHaveBeenCalledTimes(1);
    expect(sos.sosCrisisHere).toHaveBeenCalledTimes(1);
  });

  it('names its shortcut on the SOS button', async () => {
    setup();
    expect((await el('nav-sos')).getAttribute('aria-keyshortcuts')).toBe('Control+Shift+S');
    expect((await el('nav-sos')).getAttribute('title')).toContain('Ctrl+Shift+S');
    expect((await el('nav-today')).getAttribute('aria-keyshortcuts')).toBeNull();
  });

  it('opens SOS with Ctrl+Shift+S from anywhere, even while typing', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(await el('view-sos')).toBeTruthy();
    expect(document.activeElement).toBe((await el('view-sos')).querySelector('h1'));

    await user.click(await el('nav-mood'));
    await user.click(await el('trigger-add-input'));
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(await el('view-sos')).toBeTruthy();
    expect(screen.queryByTestId('view-mood')).toBeNull();
  });

  it('ignores Ctrl+S without Shift', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}s{/Control}');
    expect(screen.queryByTestId('view-sos')).toBeNull();
    expect(await el('view-today')).toBeTruthy();
  });

  it('opens SOS over the mood log, closing it', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}m{/Control}');
    expect(await el('mood-form')).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(screen.queryByTestId('mood-form')).toBeNull();
    expect(await el('view-sos')).toBeTruthy();
  });

  it('brings the SOS panel back from the plan with the shortcut or the sidebar', async () => {
    const { user } = setup();
    await user.click(await el('nav-sos'));
    await user.click(await el('open-plan'));
    expect(await el('relapse-plan')).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(await el('view-sos')).toBeTruthy();
    expect(screen.queryByTestId('relapse-plan')).toBeNull();

    await user.click(await el('open-plan'));
    await user.click(await el('nav-sos'));
    expect(await el('view-sos')).toBeTruthy();
  });
});
