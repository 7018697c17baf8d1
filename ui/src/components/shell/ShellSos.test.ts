import { beforeEach, describe, expect, it, vi } from 'vitest';
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

// How SOS is reached inside the open journal: one click from every screen, or the shortcut.

function setup() {
  const user = userEvent.setup();
  render(Shell, { onLocked: vi.fn() });
  return { user };
}

const el = (id: string) => screen.getByTestId(id);

describe('Shell and SOS', () => {
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
    vi.mocked(sos.sosCountryForLocale).mockResolvedValue('US');
    vi.mocked(sos.sosPeople).mockResolvedValue([sosFixtures.person()]);
    vi.mocked(sos.sosReasons).mockResolvedValue([sosFixtures.reason()]);
    vi.mocked(sos.planGet).mockResolvedValue(sosFixtures.plan());
    vi.mocked(sos.planSave).mockImplementation(async (plan) => plan);
  });

  it.each(AREAS.filter((a) => a.id !== 'sos').map((a) => a.id))(
    'opens SOS from %s in one click',
    async (id) => {
      const { user } = setup();
      await user.click(el(`nav-${id}`));
      expect(el(`view-${id}`)).toBeTruthy();
      await user.click(el('nav-sos'));
      expect(el('view-sos')).toBeTruthy();
      expect(el('nav-sos').getAttribute('aria-current')).toBe('page');
      expect(await screen.findByTestId('sos-emergency-number')).toBeTruthy();
    },
  );

  it('names its shortcut on the SOS button', () => {
    setup();
    expect(el('nav-sos').getAttribute('aria-keyshortcuts')).toBe('Control+Shift+S');
    expect(el('nav-sos').getAttribute('title')).toContain('Ctrl+Shift+S');
    expect(el('nav-today').getAttribute('aria-keyshortcuts')).toBeNull();
  });

  it('opens SOS with Ctrl+Shift+S from anywhere, even while typing', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(el('view-sos')).toBeTruthy();
    expect(document.activeElement).toBe(el('view-sos').querySelector('h1'));

    await user.click(el('nav-mood'));
    await user.click(el('trigger-add-input'));
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(el('view-sos')).toBeTruthy();
    expect(screen.queryByTestId('view-mood')).toBeNull();
  });

  it('ignores Ctrl+S without Shift', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}s{/Control}');
    expect(screen.queryByTestId('view-sos')).toBeNull();
    expect(el('view-today')).toBeTruthy();
  });

  it('opens SOS over the mood log, closing it', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}m{/Control}');
    expect(el('mood-form')).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(screen.queryByTestId('mood-form')).toBeNull();
    expect(el('view-sos')).toBeTruthy();
  });

  it('brings the SOS panel back from the plan with the shortcut or the sidebar', async () => {
    const { user } = setup();
    await user.click(el('nav-sos'));
    await user.click(el('open-plan'));
    expect(el('relapse-plan')).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(el('view-sos')).toBeTruthy();
    expect(screen.queryByTestId('relapse-plan')).toBeNull();

    await user.click(el('open-plan'));
    await user.click(el('nav-sos'));
    expect(el('view-sos')).toBeTruthy();
  });
});
