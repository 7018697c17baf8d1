import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');
vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/library');
vi.mock('../../lib/ipc/preferences');

import * as sos from '../../lib/ipc/sos';
import * as moods from '../../lib/ipc/moods';
import * as library from '../../lib/ipc/library';
import * as preferences from '../../lib/ipc/preferences';
import * as fixtures from '../../testing/sos';
import * as moodFixtures from '../../testing/moods';
import { OPEN_ARTICLE } from '../../lib/openArticle';
import Sos, { ASKED_ON_OPENING } from './Sos.svelte';
import { askAhead, forgetAhead, pendingAhead } from '../../lib/ipc/ahead';
import { belowDrawn, settle, withHeldPaint } from '../../testing/heldPaint';

const el = (id: string) => screen.getByTestId(id);
const follows = (a: string, b: string) =>
  Boolean(el(a).compareDocumentPosition(el(b)) & Node.DOCUMENT_POSITION_FOLLOWING);

/** What SOS draws only after its first paint (in one AfterFirstPaint). */
const BELOW_THE_WINDOW = ['crisis-lines', 'breathing-exercise', 'overdose-steps', 'sos-plan'];

function renderSos(props: { panelRequest?: number } = {}, openArticle = vi.fn()) {
  return render(Sos, { props, context: new Map([[OPEN_ARTICLE, openArticle]]) });
}

/** Renders SOS and waits for the parts drawn after its first paint. */
async function setup(props: { panelRequest?: number } = {}) {
  const openArticle = vi.fn();
  const user = userEvent.setup();
  const view = renderSos(props, openArticle);
  await belowDrawn();
  return { user, openArticle, view };
}

describe('Sos', () => {
  beforeEach(() => {
    vi.mocked(sos.sosCrisisLines).mockResolvedValue(fixtures.countries());
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here('US'));
    vi.mocked(sos.sosPeople).mockResolvedValue([fixtures.person()]);
    vi.mocked(sos.sosReasons).mockResolvedValue([fixtures.reason()]);
    vi.mocked(sos.planGet).mockResolvedValue(fixtures.plan());
    vi.mocked(sos.planSave).mockImplementation(async (plan) => plan);
    vi.mocked(moods.listTriggers).mockResolvedValue(moodFixtures.triggers());
    vi.mocked(moods.listCopingActions).mockResolvedValue(moodFixtures.copingActions());
  });

  afterEach(forgetAhead); // nothing asked ahead outlives its test

  it('takes every answer on its list as it opens, asking for none of them again', async () => {
    await askAhead(ASKED_ON_OPENING);
    expect(pendingAhead()).toBe(ASKED_ON_OPENING.length);
    await setup();
    expect(await screen.findByTestId('person-row')).toBeTruthy();
    await vi.waitFor(() => expect(pendingAhead()).toBe(0));
    for (const ask of ASKED_ON_OPENING) expect(ask).toHaveBeenCalledTimes(1);
  });

  it('draws the emergency number, my reasons and people first, the rest after that first paint', () =>
    withHeldPaint(async (frames) => {
      renderSos();
      expect(await screen.findByTestId('reason-item')).toBeTruthy();
      expect(await screen.findByTestId('person-row')).toBeTruthy();
      expect((await screen.findByTestId('sos-emergency-number')).textContent).toBe('911');
      await settle();
      expect(frames.held(), 'a frame was asked for').toBeGreaterThan(0);
      for (const below of BELOW_THE_WINDOW) {
        expect(screen.queryByTestId(below), below).toBeNull();
      }
      frames.paint();
      await belowDrawn();
      for (const below of BELOW_THE_WINDOW) {
        expect(screen.queryByTestId(below), below).not.toBeNull();
      }
    }));

  it.each([
    ['the overdose steps', 'sos-overdose-jump', 'overdose-steps'],
    ['the country list', 'sos-change-country', 'crisis-country'],
  ])('jumps to %s at once, even before they were drawn', (_, button, target) =>
    withHeldPaint(async () => {
      renderSos();
      await settle();
      expect(screen.queryByTestId(target)).toBeNull();
      await userEvent.setup().click(el(button));
      await vi.waitFor(() => expect(document.activeElement).toBe(el(target)));
      for (const below of BELOW_THE_WINDOW) expect(screen.queryByTestId(below), below).not.toBeNull();
    }),
  );

  it('shows first the crisis lines of the country chosen on this computer', async () => {
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here('GB', 'chosen'));
    await setup();
    const select = (await screen.findByTestId('crisis-country')) as HTMLSelectElement;
    await vi.waitFor(() => expect(select.value).toBe('GB'));
    expect(el('sos-emergency-number').textContent).toBe('999');
    expect(preferences.getPreferences).not.toHaveBeenCalled();
  });

  it('shows the emergency number first, then my reasons and people, helplines and the rest', async () => {
    await setup();
    expect(await screen.findByTestId('sos-emergency-number')).toBeTruthy();
    expect(el('sos-emergency-number').textContent).toBe('911');
    expect((await screen.findByTestId('reason-item')).textContent).toBe('To be there for my daughter');
    expect(await screen.findByTestId('person-row')).toBeTruthy();
    expect(follows('sos-emergency', 'my-reasons')).toBe(true);
    expect(follows('my-reasons', 'my-people')).toBe(true);
    expect(follows('my-people', 'crisis-lines')).toBe(true);
    expect(el('breathing-exercise')).toBeTruthy();
    expect(el('delay-timer')).toBeTruthy();
    expect(el('overdose-steps')).toBeTruthy();
    expect(screen.queryByTestId('sos-private-locked')).toBeNull();
    expect(moods.listCopingActions).toHaveBeenCalledTimes(1);
  });

  it('shows the parts of the plan that help in the moment', async () => {
    await setup();
    expect((await screen.findByTestId('sos-plan-coping')).textContent).toContain('Go for a walk');
    expect(el('sos-plan-places').textContent).toContain("My sister's house");
    expect(el('sos-plan-slip').textContent).toBe('Tell Sam the same day.');
    expect(el('sos-plan').textContent).not.toContain('Sleeping badly'); // warning signs are for calmer times
    expect(el('open-plan').textContent).toContain('Open my whole plan');
  });

  it('invites writing a plan when there is none', async () => {
    vi.mocked(sos.planGet).mockResolvedValue(fixtures.emptyPlan());
    await setup();
    await vi.waitFor(() => expect(el('open-plan').textContent).toContain('Write my plan'));
    expect(screen.queryByTestId('sos-plan-coping')).toBeNull();
  });

  it('opens the whole plan and comes back', async () => {
    const { user } = await setup();
    await user.click(el('open-plan'));
    expect(screen.queryByTestId('view-sos')).toBeNull();
    const plan = el('relapse-plan');
    expect(document.activeElement).toBe(plan.querySelector('h1'));
    await screen.findByTestId('plan-save');
    await user.click(el('plan-back'));
    expect(el('view-sos')).toBeTruthy();
    expect(document.activeElement).toBe(el('view-sos').querySelector('h1'));
  });

  it('shows the panel again when SOS is chosen while the plan is open', async () => {
    const { user, view } = await setup({ panelRequest: 3 });
    await user.click(el('open-plan'));
    expect(el('relapse-plan')).toBeTruthy();
    await view.rerender({ panelRequest: 4 });
    expect(el('view-sos')).toBeTruthy();
    expect(screen.queryByTestId('relapse-plan')).toBeNull();
  });

  it('opens the overdose article in the Library', async () => {
    const { user, openArticle } = await setup();
    await user.click(el('sos-open-overdose'));
    expect(openArticle).toHaveBeenCalledWith('opioid-overdose');
    expect(library.libraryArticle).not.toHaveBeenCalled();
    expect(screen.queryByTestId('overdose-article')).toBeNull();
  });
});
